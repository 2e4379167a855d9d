import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

/// Services over a folder of small documents written for one test.
func withTexts(
    _ files: [(name: String, text: String)], publishers: [String] = [], types: [String] = [],
    _ body: @escaping @Sendable (AppServices) async throws -> Void
) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-rules-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var manifest: [String] = []
    for (index, file) in files.enumerated() {
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file.name))
        manifest.append(
            #"{"file":"\#(file.name)","identifier":"d\#(index)","title":"Dokument \#(index)","documentType":"\#(index < types.count ? types[index] : "Rapport")","publisher":"\#(index < publishers.count ? publishers[index] : "Etat")","year":2025}"#
        )
    }
    try Data((manifest.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/manifest.jsonl"))
    try await TestEngine.sqlite.withServices { services in
        _ = try await services.documents.importFolder(folder, as: .commandLine)
        try await body(services)
    }
}

@Suite struct AnswerRuleTests {
    @Test func aTwoPartQuestionIsAnsweredPartByPart() async throws {
        let text = """
            Etaten skal ferdigstille den nye portalen innen 1. mars 2026.
            Portalen skal ha minst 40 tjenester ved lansering.
            Budsjettet for portalen er ikke avklart.
            """
        try await withTexts([("portal.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mange tjenester skal portalen ha ved lansering, og når skal den være ferdigstilt?", as: .anonymous
            )
            #expect(!answer.refused)
            #expect(answer.text.contains("40 tjenester") && answer.text.contains("1. mars 2026"), "\(answer.text)")
        }
    }

    /// The later part of a two-part question is looked for in all documents when the first part's documents do
    /// not answer it: the report says when the work was delivered, the letter when it was due.
    @Test func theSecondPartMayComeFromAnotherDocument() async throws {
        let report = """
            Årsrapport for etaten.
            Kartleggingen av arkivene ble levert 14. mars 2025.
            Etaten fikk gode tilbakemeldinger på kartleggingen.
            """
        let letter = """
            Tildelingsbrev til etaten.
            Frist for oppdraget om kartleggingen av arkivene er 1. april 2025.
            Etaten skal rapportere i årsrapporten.
            """
        try await withTexts([("rapport.txt", report), ("brev.txt", letter)]) { services in
            let answer = try await services.documents.ask(
                "Når ble kartleggingen av arkivene levert, og hva var fristen for oppdraget?", as: .anonymous)
            #expect(answer.text.contains("14. mars 2025") && answer.text.contains("1. april 2025"), "\(answer.text)")
            #expect(Set(answer.citations.map(\.document)) == ["d0", "d1"])
        }
    }

    /// A sentence is read under the heading of its section: the heading says what the figures below it are about.
    @Test func aSectionHeadingGivesItsSentencesTheirTopic() async throws {
        let text = """
            Evaluering av lederprogrammet.
            4 Hvor mange fikk ny stilling innen to år?
            Spørsmålet ble stilt til alle som fullførte.
            Svarene kom inn i mai og juni.
            Svarprosenten var høy.
            •   37 prosent i det første kullet.
            •   45 prosent i det andre kullet.
            5 Kostnader
            Programmet kostet 2 millioner kroner per kull.
            """
        try await withTexts([("evaluering.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor stor andel fikk ny stilling innen to år i det andre kullet?", as: .anonymous)
            #expect(answer.text.contains("45 prosent"), "\(answer.text) \(answer.reason ?? "")")
        }
    }

    @Test func theReasonIsTakenFromTheSentenceAfterTheFact() async throws {
        let text = """
            Rammen for reiser reduseres med 1,2 millioner kroner i 2025. Reduksjonen skyldes at flere møter holdes digitalt.
            Rammen for kurs er uendret.
            """
        try await withTexts([("ramme.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mye ble rammen for reiser redusert med i 2025, og hva var grunnen?", as: .anonymous)
            #expect(
                answer.text.contains("1,2 millioner") && answer.text.contains("møter holdes digitalt"), "\(answer.text)"
            )
        }
    }

    @Test func theLowestLineOfAListIsChosen() async throws {
        let text = """
            Resultatene fra undersøkelsen viser stor variasjon mellom regionene.
            Gjennomsnittlig tilfredshet per region, på en skala fra 1 til 6:
            Nord: 4,2
            Vest: 3,1
            Øst: 4,8
            Sør: 3,9
            """
        try await withTexts([("regioner.txt", text)]) { services in
            let lowest = try await services.documents.ask(
                "Hvilken region hadde lavest tilfredshet, og hva var verdien?", as: .anonymous)
            #expect(lowest.text.contains("Vest: 3,1") && !lowest.text.contains("Nord: 4,2"), "\(lowest.text)")
            let highest = try await services.documents.ask("Hvilken region hadde høyest tilfredshet?", as: .anonymous)
            #expect(highest.text.contains("Øst: 4,8"), "\(highest.text)")
        }
    }

    @Test func aQuestionAboutAThingTheDocumentsNeverMentionIsRefused() async throws {
        let text = "Piloten med digital veiledning ble gjennomført i tre kommuner i 2025. Piloten ga gode resultater."
        try await withTexts([("pilot.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvilken leverandør leverte løsningen i piloten med digital veiledning?", as: .anonymous)
            #expect(answer.refused, "no supplier is named: \(answer.text)")
        }
    }

    @Test func whichYearIsAnsweredByAYearWithoutTheWordYear() async throws {
        let text = "Etaten ble opprettet i 2019 ved en sammenslåing av to direktorater. Etaten har 400 ansatte."
        try await withTexts([("etat.txt", text)]) { services in
            let answer = try await services.documents.ask("I hvilket år ble etaten opprettet?", as: .anonymous)
            #expect(!answer.refused && answer.text.contains("2019"), "\(answer.text)")
        }
    }

    @Test func aNamedPublisherLimitsTheDocuments() async throws {
        try await withTexts(
            [
                ("a.txt", "Andelen ansatte med digital grunnopplæring var 62 prosent i 2025."),
                ("b.txt", "Andelen ansatte med digital grunnopplæring var 48 prosent i 2025."),
            ],
            publishers: ["Statistisk sentralbyrå (SSB)", "Direktoratet for forvaltning og økonomistyring (DFØ)"]
        ) { services in
            let byName = try await services.documents.ask(
                "Hvor stor andel ansatte hadde digital grunnopplæring ifølge Direktoratet for forvaltning og økonomistyring?",
                as: .anonymous)
            #expect(byName.text.contains("48 prosent") && !byName.text.contains("62 prosent"), "\(byName.text)")
            let byShortForm = try await services.documents.ask(
                "Hvor stor andel ansatte hadde digital grunnopplæring ifølge SSB?", as: .anonymous)
            #expect(
                byShortForm.text.contains("62 prosent") && !byShortForm.text.contains("48 prosent"),
                "\(byShortForm.text)")
        }
    }

    @Test func aCostIsNotASaving() async throws {
        let text =
            "Programmet koster etaten om lag 40 000 kroner per deltaker. Programmet har gitt gode resultater for lederne."
        try await withTexts([("program.txt", text)]) { services in
            let saving = try await services.documents.ask(
                "Hvor mye sparer etaten per år på programmet for lederne?", as: .anonymous)
            #expect(saving.refused, "\(saving.text)")
            let cost = try await services.documents.ask("Hvor mye koster programmet per deltaker?", as: .anonymous)
            #expect(!cost.refused && cost.text.contains("40 000 kroner"))
        }
    }

    @Test func whoIsAnsweredByARoleAndNotByWhatMustNotBe() async throws {
        let text = """
            VEILEDER FOR TJENESTEEIERSKAP
            Tjenesteeieren skal være en avdelingsleder med ansvar for budsjettet til tjenesten.
            Prosjektlederen skal ikke være tjenesteeier.
            """
        try await withTexts([("eier.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvem skal være tjenesteeier ifølge veilederen?", as: .anonymous)
            #expect(answer.text.contains("avdelingsleder"), "\(answer.text)")
            #expect(!answer.text.contains("VEILEDER FOR"), "a heading is not an answer")
        }
    }
}

/// Rules for questions in other words than the documents': English, target against result, genitive names, a
/// yes/no second part. Each on documents written for the test.
@Suite struct QuestionReadingTests {
    @Test func anEnglishQuestionIsReadThroughItsNorwegianWords() async throws {
        let text = "Kommunen brukte 26,1 millioner kroner på IKT-drift i 2025. Sykefraværet var 7,4 prosent."
        try await withTexts([("drift.txt", text)]) { services in
            let answer = try await services.documents.ask("What was the sick leave in 2025?", as: .anonymous)
            #expect(!answer.refused && answer.text.contains("7,4 prosent"), "\(answer.text) \(answer.reason ?? "")")
        }
    }

    @Test func aQuestionForWhatHappenedIsNotAnsweredWithTheTarget() async throws {
        let text = """
            Styringsparameter 1: Antall virksomheter som bruker portalen. Målverdi for 2025: 250 virksomheter.
            Ved utgangen av 2025 brukte
            212 virksomheter portalen, mot et mål på 250.
            """
        try await withTexts([("portal.txt", text)]) { services in
            let result = try await services.documents.ask(
                "Hvor mange virksomheter brukte portalen ved utgangen av 2025?", as: .anonymous)
            #expect(result.text.contains("212 virksomheter"), "\(result.text)")
            let target = try await services.documents.ask(
                "Hva var målverdien for antall virksomheter som bruker portalen i 2025?", as: .anonymous)
            #expect(target.text.contains("Målverdi for 2025: 250"), "\(target.text)")
        }
    }

    /// A comment after the fact ("…, så målet ble ikke nådd") does not make the sentence deny the fact: the target it
    /// states is the answer, not a result that happens to have no negation.
    @Test func aTargetFollowedByANegatedCommentIsStillTheTarget() async throws {
        let text = """
            Årsrapport for etaten.
            Etaten hadde 240 deltakere på lederkurset i 2025, og kurset fikk gode skår.
            Målet for antall deltakere på lederkurset i 2025 var 300, så målet ble ikke nådd.
            """
        try await withTexts([("rapport.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hva var målet for antall deltakere på lederkurset i 2025?", as: .anonymous)
            #expect(answer.text.contains("var 300"), "\(answer.text) \(answer.reason ?? "")")
        }
    }

    /// "Hvor lenge foreslår utredningen …": the document type after a statement verb is the source asked about, and
    /// the question's phrasing ("slippe å betale", "foreslår") meets the document's ("gratis", "anbefaler").
    @Test func theSourceAfterAStatementVerbAndAPaidForPhrasing() async throws {
        let study = """
            Utredning om en felles plattform for innkjøpsdata.
            Vi anbefaler at kommunene får gratis tilgang til plattformen de tre første årene.
            Deretter bør kommunene betale en årlig avgift.
            """
        let response = """
            Høringssvar fra nettverket.
            Vi foreslår at kommunene skal slippe å betale for plattformen i minst fem år.
            """
        try await withTexts([("utredning.txt", study), ("horing.txt", response)], types: ["Utredning", "Høringssvar"]) {
            services in
            let answer = try await services.documents.ask(
                "Hvor lenge foreslår utredningen at kommunene skal slippe å betale for plattformen?", as: .anonymous)
            #expect(
                answer.text.contains("tre første årene") && !answer.text.contains("fem år"),
                "\(answer.text) \(answer.reason ?? "")")
        }
    }

    /// A date the question gives is where it starts from, not the answer, and its month does not draw other dates
    /// of that month to the top.
    @Test func theDateAQuestionGivesIsNotItsAnswer() async throws {
        let text = """
            Referat fra møte i styringsgruppen 11. september 2025.
            Innkallingen ble sendt ut 1. september 2025.
            Styringsgruppen behandlet budsjettet i møtet 11. september 2025.
            Neste møte i styringsgruppen holdes 27. november 2025.
            Referatet ble godkjent 15. september 2025.
            """
        try await withTexts([("referat.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Når er neste møte i styringsgruppen etter møtet 11. september 2025?", as: .anonymous)
            #expect(answer.citations.first?.quote.contains("27. november 2025") == true, "\(answer.text)")
        }
    }

    @Test func aNameWithAGenitiveSAndAYesNoSecondPart() async throws {
        let text = """
            SKT fikk 1 690 deltakere gjennom Innkjøpsskolen i 2025.
            Målet for 2025 var 1 800 deltakere, og det ble ikke nådd.
            """
        try await withTexts([("skt.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mange deltakere fikk SKTs Innkjøpsskole i 2025, og nådde SKT målet?", as: .anonymous)
            #expect(answer.text.contains("1 690") && answer.text.contains("1 800"), "\(answer.text)")
        }
    }

    @Test func aWhyQuestionGetsTheGroundsThatFollowADecision() async throws {
        let text =
            "Utredningen anbefaler ikke alternativ C nå. Alternativet forutsetter et rettslig grunnlag som ikke finnes i dag. Alternativ B er rimeligst å drifte."
        try await withTexts([("c.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvorfor anbefaler ikke utredningen alternativ C?", as: .anonymous)
            #expect(answer.text.contains("rettslig grunnlag"), "\(answer.text)")
            #expect(!answer.text.contains("rimeligst"), "only the sentence that gives the grounds")
        }
    }

    /// A why-question that names a quantity ("målet for antall brukere") asks for the reason, not the target figure;
    /// the fact is followed by its cause ("Den viktigste årsaken er at …").
    @Test func aWhyQuestionNamingAQuantityGetsTheCauseNotTheTarget() async throws {
        let letter = """
            Etaten skal gjøre tjenesten kjent i staten.
            Målverdi for antall virksomheter som bruker tjenesten ved utgangen av 2025: 300 virksomheter.
            """
        let report = """
            Ved utgangen av 2025 brukte 240 virksomheter tjenesten, mot et mål på 300.
            Tabellen viser resultatene for alle styringsparametere.
            Målet for tjenesten ble ikke nådd. Den viktigste årsaken er at koblingen til lønnssystemene ble forsinket.
            """
        try await withTexts([("brev.txt", letter), ("rapport.txt", report)]) { services in
            let answer = try await services.documents.ask(
                "Hvorfor nådde ikke etaten målet for antall virksomheter som bruker tjenesten i 2025?", as: .anonymous)
            #expect(answer.text.contains("lønnssystemene ble forsinket"), "\(answer.text)")
        }
    }

    /// A numbered section heading ("3. Endret frist for rapporten") leads to the decision under it, and the grounds
    /// follow the decision; a sentence at the end of its section, with no grounds after it, does not answer why.
    @Test func aWhyQuestionIsAnsweredInTheSectionThatMakesTheChange() async throws {
        let text = """
            1. Innledning

            Dette brevet gir mer midler og endrer fristen for rapporten.

            2. Endret bevilgning

            Bevilgningen økes med 2 millioner kroner.

            3. Endret frist for rapporten

            Fristen for rapporten endres fra 1. mai 2026 til 1. september 2026.

            Departementet ønsker at rapporten skal bygge på innspillene fra høringen.
            """
        try await withTexts([("tillegg.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvorfor ble fristen for rapporten utsatt?", as: .anonymous)
            #expect(answer.text.contains("innspillene fra høringen"), "\(answer.text)")
        }
    }

    /// Documents write money granted as "midler" or "bevilgning", seldom "penger": a question about "pengene" is
    /// answered by the sentence about "midlene".
    @Test func moneyIsReadAsFunds() async throws {
        let text = """
            Bevilgningen til etaten økes med 4 millioner kroner i 2026.
            Midlene skal brukes til et forprosjekt om felles data for kommunene.
            Etaten skal rapportere på arbeidet i årsrapporten.
            """
        try await withTexts([("tillegg.txt", text)]) { services in
            let answer = try await services.documents.ask("Hva skal pengene brukes til?", as: .anonymous)
            #expect(!answer.refused && answer.text.contains("forprosjekt om felles data"), "\(answer.text)")
        }
    }

    /// A term the answer uses and the next sentence defines is read with its definition: "For stor tekst er kravet
    /// 3:1" needs "Stor tekst er tekst på minst 18 punkter" to say how large the letters must be.
    @Test func aTermIsReadWithTheDefinitionThatFollowsIt() async throws {
        let text = """
            Kontrast
            Kontrasten mellom tekst og bakgrunn skal være minst 4,5:1 for vanlig tekst. For stor tekst er kravet minst 3:1. Stor tekst er tekst på minst 18 punkter, eller 14 punkter i fet skrift. Kravet gjelder også tekst i bilder.
            """
        try await withTexts([("kontrast.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor store må bokstavene være for at det lavere kravet til kontrast mellom tekst og bakgrunn skal gjelde?",
                as: .anonymous)
            #expect(answer.text.contains("18 punkter"), "\(answer.text)")
        }
    }

    /// A report published later about earlier years ("evaluerer programmet for årene 2023 og 2024") answers a
    /// question about those years with sentences that do not repeat them; an English two-part question is split at
    /// ", and how many".
    @Test func aReportAnswersForTheYearsItSaysItCovers() async throws {
        let evaluation = """
            Evaluering av lederkurset
            Denne rapporten evaluerer kurset for årene 2023 og 2024.
            I de to årene startet 480 personer på kurset, og 310 fullførte alle fire modulene.
            Deltakerne er fornøyde.
            """
        try await withTexts([("evaluering.txt", evaluation)]) { services in
            let norwegian = try await services.documents.ask(
                "Hvor mange startet på lederkurset i 2023 og 2024?", as: .anonymous)
            #expect(norwegian.text.contains("480 personer"), "\(norwegian.text)")
            let english = try await services.documents.ask(
                "How many people started the e-learning course in 2023 and 2024, and how many of them completed all four modules?",
                as: .anonymous)
            #expect(english.text.contains("480") && english.text.contains("310"), "\(english.text)")
        }
        // Published the same year as the annual report, the evaluation of 2023–2024 is still not about 2025.
        let costed = """
            Evaluering av lederkurset
            Denne rapporten evaluerer kurset for årene 2023 og 2024.
            I de to årene startet 480 personer på kurset, og 310 fullførte alle fire modulene.
            Med 310 personer som fullførte lederkurset, ble kostnaden om lag 2 000 kroner per person.
            Deltakerne er fornøyde.
            """
        let report = """
            Årsrapport 2025
            Tabellen viser resultatkrav og resultater.
            Personer som fullførte lederkurset: 205 (resultatkrav 200).
            Veiledningen fikk gode tilbakemeldinger.
            """
        try await withTexts([("evaluering.txt", costed), ("arsrapport.txt", report)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mange personer fullførte lederkurset i 2025?", as: .anonymous)
            #expect(answer.text.contains("205") && !answer.text.contains("310"), "\(answer.text)")
        }
    }

    /// "Hvilken leverandør …" is answered by a company's name with its legal form, without the word "leverandør";
    /// a sentence that names no company (nor a supplier) still does not answer it.
    @Test func aSupplierIsNamedByACompanyName() async throws {
        let named = """
            5. Ny driftsavtale
            Konkurransen om ny driftsavtale for portalen er avsluttet. Det kom inn fire tilbud. Tildelingsbeslutning ble sendt 4. november 2025, og kontrakten tildeles Fjordlys Drift AS. Karensperioden løper til 14. november 2025.
            """
        let unnamed = """
            Konkurransen om ny driftsavtale for arkivet er avsluttet.
            Kontrakten om ny driftsavtale for arkivet tildeles i desember etter karensperioden.
            """
        try await withTexts([("notat.txt", named)]) { services in
            let answer = try await services.documents.ask(
                "Hvilken leverandør har fått kontrakten om ny driftsavtale for portalen?", as: .anonymous)
            #expect(answer.text.contains("Fjordlys Drift AS"), "\(answer.text)")
        }
        try await withTexts([("arkiv.txt", unnamed)]) { services in
            let answer = try await services.documents.ask(
                "Hvilken leverandør har fått kontrakten om ny driftsavtale for arkivet?", as: .anonymous)
            #expect(answer.refused, "\(answer.text)")
        }
    }

    /// "… fra 2026": the sentence that names the year a change takes effect answers, not the standing rule in an
    /// older agreement that names no year.
    @Test func aChangeFromAYearIsAnsweredByTheSentenceNamingIt() async throws {
        let agreement = """
            Samarbeidsavtale for nettverket
            Avtalen skal revideres i 2026.
            Hver av kommunene betaler en årlig kontingent på 30 000 kroner og 10 kroner per innbygger.
            Kontingenten faktureres innen 31. mars.
            """
        let minutes = """
            Referat fra styremøtet
            Vedtak: Kontingenten som kommunene betaler per innbygger, økes fra 10 til 11 kroner fra 1. januar 2026, etter forslag fra styret og administrasjonen i nettverket.
            Neste møte holdes i mars 2026.
            """
        let report = """
            Årsrapport for nettverket
            Nettverket arrangerte fire samlinger for ledere.
            Deltakerne var fornøyde med samlingene.
            Styret møttes seks ganger.
            """
        try await withTexts([("avtale.txt", agreement), ("referat.txt", minutes), ("rapport.txt", report)]) {
            services in
            let answer = try await services.documents.ask(
                "Hvor mye skal kommunene betale i kontingent per innbygger fra 2026?", as: .anonymous)
            #expect(answer.text.contains("11 kroner fra 1. januar 2026"), "\(answer.text)")
            #expect(!answer.text.contains("30 000"), "\(answer.text)")
        }
    }

    @Test func aNameInTheNextSectionsTitleIsNoAnswer() async throws {
        let text =
            "Kontrakten ble signert i desember, og overgangen til ny leverandør skjer i mars.\nOppfølging av evalueringen av Kursløypa\nEvalueringen ble fulgt opp i august."
        try await withTexts([("kontrakt.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvilken leverandør fikk kontrakten?", as: .anonymous)
            #expect(answer.refused, "the supplier is not named; «Kursløypa» titles another section: \(answer.text)")
        }
    }

    @Test func anOrganisationAskedAboutIsWhatTheAnswerIsAbout() async throws {
        let other = "Sykefraværet i Solberg kommune var 7,4 prosent i 2025."
        let letter =
            "Tildelingsbrev for Etatsverket.\nBevilgningen til kompetanseutvikling er 12 400 000 kroner i 2025."
        let havoy = "Havøy kommune innførte digital søknad om byggeløyve i 2025."
        try await withTexts(
            [("solberg.txt", other), ("brev.txt", letter), ("havoy.txt", havoy)],
            publishers: ["Solberg kommune", "Departementet", "Havøy kommune"]
        ) { services in
            let elsewhere = try await services.documents.ask(
                "Hvor høyt var sykefraværet i Havøy kommune i 2025?", as: .anonymous)
            #expect(
                elsewhere.refused || !elsewhere.text.contains("7,4"),
                "Solberg's figure is not Havøy's: \(elsewhere.text)")
            let granted = try await services.documents.ask(
                "Hvor stor er bevilgningen til kompetanseutvikling for Etatsverket i 2025?", as: .anonymous)
            #expect(
                granted.text.contains("12 400 000"),
                "the letter comes from the ministry, not from Etatsverket: \(granted.text)")
        }
    }

    @Test func aWhatIsQuestionPrefersTheSentenceAboutIt() async throws {
        let text =
            "Ledergruppen valgte G3 som mål for 2028 etter samtalen.\nG3 betyr at tjenestene er bygd rundt brukerens behov."
        try await withTexts([("g3.txt", text)]) { services in
            let answer = try await services.documents.ask("Hva betyr G3?", as: .anonymous)
            #expect(answer.text.hasPrefix("G3 betyr"), "\(answer.text)")
        }
    }

    @Test func aFigureForAnEarlierYearIsFoundInALaterReportThatNamesTheYear() async throws {
        // withTexts makes every document a 2025 document.
        let text =
            "I 2025 tok 38 prosent av kommunene i bruk generativ KI. I 2024 var andelen som brukte generativ KI 21 prosent."
        try await withTexts([("ki.txt", text)]) { services in
            let earlier = try await services.documents.ask(
                "Hvor stor andel av kommunene brukte generativ KI i 2024?", as: .anonymous)
            #expect(earlier.text.contains("21 prosent") && !earlier.text.hasPrefix("I 2025"), "\(earlier.text)")
            let never = try await services.documents.ask(
                "Hvor stor andel av kommunene brukte generativ KI i 2021?", as: .anonymous)
            #expect(never.refused, "no sentence names 2021 and no document is about it: \(never.text)")
        }
        let level = "Sykefraværet var 7,4 prosent i kommunen. Det er samme nivå som i 2021, da det sist ble målt."
        try await withTexts([("fravaer.txt", level)]) { services in
            let then = try await services.documents.ask("Hvor høyt var sykefraværet i kommunen i 2021?", as: .anonymous)
            #expect(then.refused, "the sentence that names 2021 does not say what the level was: \(then.text)")
        }
    }

    @Test func aQuestionForAValueIsNotAnsweredWithADateOrAnotherYear() async throws {
        let text =
            "Dagens driftsavtale løper ut 31. desember 2025, og en ny avtale skal inngås. Programmet kostet 1,1 millioner kroner i 2024."
        try await withTexts([("avtale.txt", text)]) { services in
            let value = try await services.documents.ask(
                "Hva er den årlige verdien av den nye driftsavtalen?", as: .anonymous)
            #expect(value.refused, "a date is no value: \(value.text)")
            let cost = try await services.documents.ask("Hva kostet programmet i 2025?", as: .anonymous)
            #expect(cost.refused, "the sentence names 2024, not 2025: \(cost.text)")
        }
    }

    @Test func aConceptSynonymLeadsToTheSentenceInTheDocumentsWords() async throws {
        let text =
            "Etaten gir alle ansatte opplæring i 2025. Etaten gir alle ansatte opplæring i cybersikkerhet i 2025."
        try await withTexts([("sikkerhet.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvilken opplæring i informasjonssikkerhet gir etaten de ansatte i 2025?", as: .anonymous)
            #expect(answer.text.contains("cybersikkerhet"), "informasjonssikkerhet ≈ cybersikkerhet: \(answer.text)")
        }
    }
}
