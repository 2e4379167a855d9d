import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

/// The focus-support check and the question lexicon, on documents written for these tests.
@Suite struct FocusAndPhrasingTests {
    /// A sentence about the same municipalities and year that never mentions what is asked about (the question's
    /// rarest words, "generativ KI") is no answer, however many other words it shares; the sentence that does
    /// mention it is.
    @Test func anAnswerMustMentionTheQuestionsFocus() async throws {
        let text = """
            Kommuner med under 5 000 innbyggere får 30 prosent rabatt på kursavgiften i 2025.
            Rabatten gjelder alle kurs.
            Påmelding skjer på nett.
            \u{0C}Flere kommuner prøver generativ KI i saksbehandlingen.
            Forsøkene er små.
            Resultatene kommer senere.
            \u{0C}Innbyggere kan gi innspill til planene.
            Innspillene samles inn hver vår.
            \u{0C}Tjenestene til innbyggere skal bli enklere.
            I 2025 brukte 41 prosent av kommunene med under 5 000 innbyggere et felles system for arkiv.
            """
        try await withTexts([("kommuner.txt", text)]) { services in
            let unanswerable = try await services.documents.ask(
                "Hvor stor andel av kommunene med under 5 000 innbyggere brukte generativ KI i 2025?", as: .anonymous)
            #expect(unanswerable.refused, "\(unanswerable.text)")
            #expect(unanswerable.reason?.contains("generativ") == true, "\(unanswerable.reason ?? "")")
            let answerable = try await services.documents.ask(
                "Hvor stor andel av kommunene med under 5 000 innbyggere brukte et felles system for arkiv i 2025?",
                as: .anonymous)
            #expect(answerable.text.contains("41 prosent"), "\(answerable.text) \(answerable.reason ?? "")")
        }
    }

    /// The focus may be met by a part of a compound: "driftsbudsjettet" is about "budsjettet"; and a word that names
    /// the source ("ifølge veilederen") is not the focus.
    /// A question word the documents only use inside compounds ("rente" in "kalkulasjonsrenten", "Innlandet" in
    /// "Innlandsnettet") is read through those compounds, and still weighs as a word the answer must hold.
    @Test func aWordUsedOnlyInsideCompoundsIsReadThroughThem() async throws {
        let text = """
            Utredning om en felles plattform for innkjøpsdata.
            Analysen viser at plattformen gir en netto nåverdi på 186 millioner kroner i analysen.
            Analyseperioden er 15 år, og kalkulasjonsrenten er 4 prosent.
            Innlandsnettet har 38 medlemskommuner.
            """
        try await withTexts([("utredning.txt", text)]) { services in
            let rate = try await services.documents.ask("Hvilken rente ble brukt i analysen av plattformen?", as: .anonymous)
            #expect(rate.citations.contains { $0.quote.contains("kalkulasjonsrenten er 4 prosent") }, "\(rate.text) \(rate.reason ?? "")")
            let members = try await services.documents.ask("Hvor mange medlemskommuner har nettverket i Innlandet?", as: .anonymous)
            #expect(members.text.contains("38 medlemskommuner"), "\(members.text) \(members.reason ?? "")")
        }
    }

    /// The "s" an apostrophe splits off "DOAI's" is no word of the question: a table with a column "S" does not
    /// answer a question about something no document measures.
    @Test func aGenitiveSIsNoWord() async throws {
        let text = """
            Veileder for risiko i anskaffelser.
            Tabell 2 Eksempler på risikoer
            Risiko                     S     K     Skår
            Leverandørinnlåsing        4     4     16
            Manglende avtale           2     5     10
            """
        try await withTexts([("veileder.txt", text)]) { services in
            let answer = try await services.documents.ask("How large were DOAI's emissions from business travel?", as: .anonymous)
            #expect(answer.refused, "\(answer.text)")
        }
    }

    /// A strong verb's past tense in the question meets its participle in the document ("vedtok" / "vedtatt").
    @Test func aStrongVerbsPastTenseMeetsItsParticiple() async throws {
        let text = """
            Kommunestyret behandlet planen for digitalisering 10. februar 2025.
            Planen for digitalisering ble vedtatt av kommunestyret 3. mars 2025.
            """
        try await withTexts([("plan.txt", text)]) { services in
            let answer = try await services.documents.ask("Når vedtok kommunestyret planen for digitalisering?", as: .anonymous)
            #expect(answer.citations.first?.quote.contains("3. mars 2025") == true, "\(answer.text)")
        }
    }

    @Test func aCompoundPartOrTheSourceDoNotDefeatTheFocus() async throws {
        let text = """
            Budsjettet for drift av fagsystemene er 3,4 millioner kroner i 2025.
            Kommunen har fire fagsystemer.
            """
        try await withTexts([("drift.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvor stort er driftsbudsjettet for fagsystemene i 2025?", as: .anonymous)
            #expect(answer.text.contains("3,4 millioner"), "\(answer.text) \(answer.reason ?? "")")
        }
    }

    /// "Regner med" frames whose estimate is asked for; "spare" is asked for what documents call a gain
    /// ("gevinst"): the answer is found and supported.
    @Test func anEstimateOfSavingsIsReadAsTheDocumentsGain() async throws {
        let text = """
            Budsjettet for digitalisering i Vikby kommune er 12 millioner kroner i 2026.
            Gevinster fra digitalisering i Vikby kommune forutsettes å utgjøre 2,7 millioner kroner i 2026.
            """
        try await withTexts([("vikby.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mye regner Vikby kommune med å spare på digitalisering i 2026?", as: .anonymous)
            #expect(!answer.refused, "\(answer.reason ?? "")")
            #expect(answer.text.contains("2,7 millioner"), "\(answer.text)")
        }
    }

    /// An English question about a Norwegian document: its translated words count through their Norwegian
    /// translation, even when an English document elsewhere uses the English words.
    @Test func anEnglishQuestionIsSupportedByItsTranslation() async throws {
        let norwegian = """
            Budsjett for Fjordby kommune.
            Driftsbudsjettet for IKT foreslås til 14,2 millioner kroner.
            Budsjettet for skolene i kommunen er 80 millioner kroner.
            Budsjettet for helse i kommunen er 95 millioner kroner.
            Budsjettet for kultur i kommunen er 12 millioner kroner.
            Budsjettet for veier i kommunen er 40 millioner kroner.
            """
        let english = """
            Summary in English.
            The municipality has improved its operations and its IT services for residents.
            """
        try await withTexts([("budsjett.txt", norwegian), ("summary.txt", english)]) { services in
            let answer = try await services.documents.ask(
                "How much has Fjordby municipality budgeted for IT operations?", as: .anonymous)
            #expect(answer.text.contains("14,2 millioner"), "\(answer.text) \(answer.reason ?? "")")
        }
    }
}
