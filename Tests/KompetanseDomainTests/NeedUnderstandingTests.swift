import KompetanseDomain
import Testing

@Suite struct NeedUnderstandingTests {
    /// "gratis kurs for kommuner, nettbasert" → gratis · kurs/… · for kommuner · nettbasert
    @Test func readsStatedConstraintsInOrder() {
        let need = NeedUnderstanding.read("Gratis kurs for kommuner, helst nettbasert")
        #expect(
            need.constraints.map(\.constraint) == [
                .free, .format(Constraint.courseFormats), .sector(.municipality), .online(true),
            ])
        #expect(need.summary == "gratis · kurs/e-læring/webinar/studium/program · for kommuner · nettbasert")
    }

    @Test func readsNynorskAndEnglish() {
        #expect(
            NeedUnderstanding.read("Leiargruppa treng noko kort på nynorsk").constraints.map(\.constraint)
                == [.audience(.topLeaders), .maximumHours(7.5), .language("nn")])
        #expect(
            NeedUnderstanding.read("free online course in English for municipalities").constraints.map(\.constraint)
                .contains(.language("en")))
        #expect(
            NeedUnderstanding.read("videreutdanning med studiepoeng").constraints.map(\.constraint) == [
                .format([.study]), .credits,
            ])
    }

    @Test func topicalWordsAreNotConstraints() {
        #expect(NeedUnderstanding.read("digital transformasjon og gevinstrealisering").constraints.isEmpty)
        #expect(NeedUnderstanding.read("kommunikasjon").constraints.isEmpty, "«kommun» inside a word is not «kommune»")
        #expect(NeedUnderstanding.read("digital transformasjon").summary == nil)
    }

    @Test func topLeadersImplyLeaders() {
        let need = NeedUnderstanding.read("toppledere og ledere i staten")
        #expect(need.constraints.map(\.constraint) == [.audience(.topLeaders), .sector(.state)])
    }
}

@Suite struct MeasureProfileTests {
    private func measure(
        _ description: String, price: Double? = nil, audience: String? = nil, type: ResourceType? = nil
    ) -> Measure {
        var measure = Measure(
            identifier: "m", name: "Tiltak", description: description, provider: ProviderReference(name: "P"))
        measure.price = price.map { Price(amount: $0) }
        measure.audience = audience
        measure.resourceType = type
        return measure
    }

    @Test func priceComesFromOffersOrFromTheDescription() {
        #expect(MeasureProfile(measure("Kurs.", price: 0)).evaluate(.free) == .met)
        #expect(MeasureProfile(measure("Kurs. Gratis for medlemskommuner.")).evaluate(.free) == .met)
        #expect(MeasureProfile(measure("Kurs.", price: 4_000)).evaluate(.free) == .violated)
        #expect(MeasureProfile(measure("Kurs.")).evaluate(.free) == .unknown)
    }

    @Test func publicSectorMeetsEverySectorButStateOnlyDoesNotMeetMunicipalities() {
        #expect(MeasureProfile(measure("For ledere i offentlig sektor.")).evaluate(.sector(.municipality)) == .met)
        #expect(
            MeasureProfile(measure("For ledere.", audience: "Toppledere i staten")).evaluate(.sector(.municipality))
                == .violated)
        #expect(
            MeasureProfile(measure("For ledere.", audience: "Ledere i kommunene")).evaluate(.sector(.municipality))
                == .met)
        #expect(MeasureProfile(measure("For ledere.")).evaluate(.sector(.municipality)) == .unknown)
    }

    @Test func deliveryAndDurationAreReadFromFormatAndText() {
        #expect(MeasureProfile(measure("Kort innføring.", type: .eLearning)).evaluate(.online(true)) == .met)
        #expect(MeasureProfile(measure("To fysiske samlinger i Bergen.")).evaluate(.online(true)) == .violated)
        #expect(MeasureProfile(measure("Et masterstudium.", type: .study)).evaluate(.maximumHours(7.5)) == .violated)
        var short = measure("Webinar.")
        short.timeRequired = ISODuration("PT2H")
        #expect(MeasureProfile(short).evaluate(.maximumHours(7.5)) == .met)
    }
}

@Suite struct SentenceSplitterTests {
    /// Abbreviations, ordinals and section numbers do not end sentences; every sentence is a verbatim span.
    @Test func splitsOnSentenceEndsOnly() {
        let text =
            "Fristen er 1. februar 2025. Se kap. 3 og nr. 2 i brevet! Beløpet er 4,6 mill. kroner.\nOverskrift uten punktum"
        let sentences = SentenceSplitter.sentences(of: text, document: "d", page: 1)
        #expect(
            sentences.map(\.text) == [
                "Fristen er 1. februar 2025.", "Se kap. 3 og nr. 2 i brevet!", "Beløpet er 4,6 mill. kroner.",
                "Overskrift uten punktum",
            ])
        let characters = Array(text)
        #expect(sentences.allSatisfy { String(characters[$0.start..<$0.end]) == $0.text })
    }

    @Test func questionKindsAndYearsAreRead() {
        let question = QuestionUnderstanding.read(
            "Hvor mye ble bevilget i tildelingsbrevet for 2024?", knownTypes: ["Tildelingsbrev", "Årsrapport"])
        #expect(question.years == [2024])
        #expect(question.documentTypes == ["Tildelingsbrev"])
        #expect(question.answerKind == .amount)
        #expect(QuestionUnderstanding.read("Hvor mange ledere fullførte?", knownTypes: []).answerKind == .number)
        #expect(
            QuestionUnderstanding.read("Hvor mange deltok når ledergruppen var med?", knownTypes: []).answerKind
                == .number)
        #expect(
            QuestionUnderstanding.read("Hva er målet innen 2030?", knownTypes: []).years.isEmpty,
            "a deadline is not a document year")
        #expect(QuestionUnderstanding.read("Når er fristen?", knownTypes: []).answerKind == .date)
        #expect(QuestionUnderstanding.read("Hvor lenge varer avtalen?", knownTypes: []).answerKind == .number)
        #expect(QuestionUnderstanding.read("Hvorfor ble fristen utsatt?", knownTypes: []).answerKind == .statement)
        #expect(QuestionUnderstanding.read("Hvor store må bokstavene være?", knownTypes: []).answerKind == .number)
        #expect(
            QuestionUnderstanding.read("Hvorfor nådde de ikke målet for antall brukere?", knownTypes: []).answerKind
                == .statement)
    }

    /// "Hvor" with a verb asks where; with an adjective or adverb it asks how much or how often.
    @Test func aWhereQuestionAsksForAPlace() {
        for question in [
            "Hvor holdes samlingen?", "Kor ligg kontoret til nettverket?", "Hvor arrangeres kurset i 2026?",
            "Where is the course held?", "Hvor skal søknaden sendes?",
        ] {
            #expect(QuestionUnderstanding.read(question, knownTypes: []).answerKind == .place, "\(question)")
        }
        for question in [
            "Hvor smal kan skjermen være?", "Hvor ofte møtes styret?", "Hvor mye koster kurset?", "Hvor bedre ble det?",
        ] {
            #expect(QuestionUnderstanding.read(question, knownTypes: []).answerKind != .place, "\(question)")
        }
    }

    /// A line wrapped at the margin (as PDF text is) goes on; a line that ends a sentence, a table row, a list
    /// item and a heading do not.
    @Test func wrappedLinesAreOneSentence() {
        let text = """
            7. Følg opp risikovurderingen i kontraktsperioden, og oppdater den minst hver sjette
               måned og ved vesentlige endringer.
            Tabell 2 Eksempler
            Leverandørinnlåsing                   4     4       16
            kontraktsbrudd                        2     3       6
            Risikoer med skår 12 eller høyere skal godkjennes
            – av risikoeier før kunngjøring.
            """
        let sentences = SentenceSplitter.sentences(of: text, document: "d", page: 1).map(\.text)
        #expect(
            sentences[0].hasPrefix("7. Følg opp") && sentences[0].hasSuffix("vesentlige endringer."), "\(sentences)")
        #expect(sentences.contains("Tabell 2 Eksempler"))
        #expect(
            sentences.contains { $0.hasPrefix("Leverandørinnlåsing") && !$0.contains("kontraktsbrudd") },
            "a table row stays a row")
        #expect(
            sentences.contains("Risikoer med skår 12 eller høyere skal godkjennes"), "a list item is not a continuation"
        )
    }

    /// A sentence that begins in the middle of a line wrapped at the margin goes on into the next line: the length
    /// that tells a wrapped line from a heading is the line's, not the sentence's.
    @Test func aSentenceBegunMidLineGoesOnPastTheMargin() {
        let text = """
            Kommunen valgte ikke den billigste løsningen, selv om den kostet minst. Grunnen var
            at leverandøren ikke kunne dokumentere sikkerheten i løsningen.
            Kort tittel
            neste avsnitt begynner her.
            """
        let sentences = SentenceSplitter.sentences(of: text, document: "d", page: 1).map(\.text)
        #expect(
            sentences.contains("Grunnen var\nat leverandøren ikke kunne dokumentere sikkerheten i løsningen."),
            "\(sentences)")
        #expect(sentences.contains("Kort tittel"), "a short line of its own is still a heading")
        let decimal = """
            Fraværet var 6,1 prosent i fjor, mot 6,9 prosent året før. Målet for året var
            5,5 prosent. Målet ble ikke nådd.
            """
        #expect(
            SentenceSplitter.sentences(of: decimal, document: "d", page: 1).map(\.text).contains(
                "Målet for året var\n5,5 prosent."),
            "a decimal number that goes on into words continues the line")
    }

    /// "årsrapporten" as the thing asked about is not the source; "i årsrapporten" is. A year in a date is a date.
    @Test func aDocumentTypeIsTheSourceOnlyWhenNamedAsOne() {
        let types = ["Tildelingsbrev", "Årsrapport"]
        let about = QuestionUnderstanding.read(
            "Innen hvilken dato skal etaten sende årsrapporten for 2024 til departementet?", knownTypes: types)
        #expect(about.documentTypes.isEmpty && about.mentionedTypes == ["Årsrapport"])
        #expect(about.years == [2024])
        let source = QuestionUnderstanding.read("Hvor mange deltok ifølge årsrapporten for 2024?", knownTypes: types)
        #expect(source.documentTypes == ["Årsrapport"])
        #expect(
            QuestionUnderstanding.read("Hva sier tildelingsbrevet om frister?", knownTypes: types).documentTypes == [
                "Tildelingsbrev"
            ])
        #expect(QuestionUnderstanding.read("Hva skjer innen 15. mars 2025?", knownTypes: types).years.isEmpty)
    }
}
