import Foundation
import KompetanseDomain
import Testing

@testable import KompetanseAssistant
@testable import KompetanseServices

/// How pages become passages: tables stay rows, running headers and page numbers are no passages, numbers
/// written as words are quantities. Each on text written for the test.
@Suite struct PassageRuleTests {
    @Test func htmlTableCellsStayApartOnTheirRow() {
        let html = """
            <table><caption>Tabell 1</caption><tr><th>Dimensjon</th><th>Skår</th><th>Andel</th></tr>
            <tr><td>Data og deling</td><td>37</td><td>9 %</td></tr></table><p>Etter tabellen.</p>
            """
        let lines = TextPages.html(html)[0].split(separator: "\n").map(String.init)
        #expect(lines.contains("Dimensjon\tSkår\tAndel"), "\(lines)")
        #expect(lines.contains("Data og deling\t37\t9 %"), "never «Data og deling379 %»: \(lines)")
        #expect(lines.contains("Etter tabellen."))
    }

    /// A table written one tag per source line (as most HTML is) is still one row per line, and a paragraph's
    /// source line breaks are spaces: only block elements and form feeds break lines and pages.
    @Test func prettyPrintedHtmlKeepsRowsAndParagraphs() {
        let html = """
            <table>
            <caption>Tabell 1</caption>
            <tr>
            <th>Rang</th>
            <th>Barriere</th>
            </tr>
            <tr>
            <td>1</td>
            <td>Mangel på kompetanse</td>
            </tr>
            </table>
            <p>Et avsnitt som er brutt
            over to linjer.</p>\u{0C}<p>Side to.</p>
            """
        let pages = TextPages.html(html)
        #expect(pages.count == 2)
        let lines = pages[0].split(separator: "\n").map(String.init)
        #expect(lines.contains("Rang\tBarriere"), "\(lines)")
        #expect(lines.contains("1\tMangel på kompetanse"), "\(lines)")
        #expect(lines.contains("Et avsnitt som er brutt over to linjer."), "\(lines)")
    }

    /// A question in the past tense asks what happened, whatever the verb ("sparte", "tapte"); an ordinal or a
    /// superlative in -ste is no verb; a main goal ("Hovedmål 2: …") states a target.
    @Test func whatHappenedIsAskedInAnyWeakPastTense() {
        #expect(TargetOrResult.asks("Hvor mye sparte staten på avtalene i 2024?") == .result)
        #expect(TargetOrResult.asks("Hvor mye tapte kommunen på avtalen?") == .result)
        #expect(TargetOrResult.asks("Hvem er den største leverandøren?") == nil)
        #expect(TargetOrResult.statesTarget("Hovedmål 2: Felles avtaler gir gevinster for staten"))
    }

    /// An item a question names by a word and an identifier, and whether a sentence names the same item in running
    /// text (any inflection of the word, then the identifier) or only another one.
    @Test func anItemIsNamedByItsWordAndIdentifier() {
        let items = TableAnswer.namedItems(in: "Hvor mye ble bevilget på post 01 og i alternativ A i 2024, ca. 5 000?")
        #expect(items.map(\.identifier) == ["01", "A"])
        let post = items[0]
        #expect(post.isNamed(in: "Kap. 1560 post 01 Driftsutgifter: 219,8 millioner kroner"))
        #expect(items[1].isNamed(in: "For alternativet A (videreutvikling) er gevinsten lav."))
        #expect(!items[1].isNamed(in: "Alternativ B har en netto nåverdi på 186 millioner kroner."))
        #expect(!post.isNamed(in: "Posten 45 gjelder utstyr, og 01 er driftsutgifter."))
        #expect(
            TableAnswer.namedItems(in: "Hva ble bevilget for 2024?").isEmpty, "a year after a preposition names no item"
        )
    }

    /// Dates in table cells sort as dates; a plain number or a year alone is no date.
    @Test func dateCellsSortAsDates() {
        let values = ["1. mars 2026", "15. november 2025", "mai 2026", "3 March 2026"].map(Tables.dateValue)
        #expect(values.allSatisfy { $0 != nil })
        #expect(values[1]! < values[0]! && values[0]! < values[3]! && values[3]! < values[2]!)
        #expect(Tables.dateValue("2026") == nil && Tables.dateValue("15") == nil && Tables.dateValue("Plansjef") == nil)
        #expect(
            Tables.holdsQuantity("3      Lære opp ledere      HR-sjef      9. juni 2026"),
            "a date is a value: not a header row")
    }

    /// The noun a list question names its items by, and lead-ins that name them (also inside a compound).
    @Test func aListQuestionNamesItsItems() {
        #expect(ListAnswer.itemNoun(in: "Hvilke trinn består fremgangsmåten av?") == "trinn")
        #expect(
            ListAnswer.itemNoun(in: "Hva er de fire satsingsområdene?")
                == ListAnswer.itemNoun(in: "Hvilke satsingsområder?"))
        #expect(ListAnswer.itemNoun(in: "Hvor mye kostet kurset?") == nil)
        #expect(ListAnswer.names("trinn", leadIn: "Risikovurderingen gjennomføres i sju trinn:"))
        #expect(ListAnswer.names("trinn", leadIn: "Følg disse hovedtrinnene:"))
        #expect(!ListAnswer.names("trinn", leadIn: "Veilederen består av fem deler:"))
    }

    /// A definition opens with a term of the sentence before and "er"/"betyr"; one word followed by "er" is just
    /// more about the subject.
    @Test func aDefinitionOpensWithTheTermItDefines() {
        #expect(
            Definition.defines(
                "Stor tekst er tekst på minst 18 punkter.", termUsedIn: "For stor tekst er kravet minst 3:1."))
        #expect(
            Definition.defines(
                "Gevinsteier betyr den som har ansvar for gevinsten.", termUsedIn: "Gevinsteier skal rapportere."))
        #expect(
            !Definition.defines(
                "Inntektene er ført som refusjon.", termUsedIn: "Inntektene fra Havøy er 2,1 millioner kroner."))
        #expect(!Definition.defines("Det er viktig.", termUsedIn: "Det er kravet."))
        #expect(
            !Definition.defines("Lang tekst er vanskelig å lese.", termUsedIn: "For stor tekst er kravet minst 3:1."))
    }

    /// The years a document says at its start that it covers; a publication year alone is no scope.
    @Test func aDocumentSaysWhichYearsItCovers() {
        func document(_ text: String) -> KnowledgeDocument {
            KnowledgeDocument(
                identifier: "d", title: "Rapport", documentType: "Evaluering", publisher: "Etat", year: 2025,
                file: "d.txt",
                pages: [text])
        }
        #expect(
            DocumentScope.years(of: document("Rapporten evaluerer programmet for årene 2023 og 2024.")) == [2023, 2024])
        #expect(
            DocumentScope.years(of: document("Planen gjelder for perioden 2021–2024.")) == [2021, 2022, 2023, 2024])
        #expect(DocumentScope.years(of: document("Årsrapport 2025. I 2025 fullførte 40 ledere.")).isEmpty)
        #expect(Assistant.parts(of: "How many started in 2024, and how many completed?").count == 2)
        #expect(Assistant.parts(of: "How many started in 2023 and 2024?").count == 1)
        #expect(
            Assistant.parts(of: "Hva skal den nye avdelingen hete, og fra hvilken dato gjelder endringen?")
                == ["Hva skal den nye avdelingen hete?", "fra hvilken dato gjelder endringen?"])
        #expect(Assistant.parts(of: "Hvor mange kurs ble holdt i Bergen og i Oslo?").count == 1)
    }

    /// A company is named by a capitalised name and its legal form; "AS" alone or lowercase words are none.
    @Test func aCompanyIsNamedWithItsLegalForm() {
        #expect(CompanyName.appears(in: "Kontrakten tildeles Sterna Datadrift AS."))
        #expect(CompanyName.appears(in: "Analysen ble gjort av Veiviser Analyse AS, på oppdrag fra etaten"))
        #expect(!CompanyName.appears(in: "AS er en selskapsform."))
        #expect(!CompanyName.appears(in: "Kontrakten tildeles i desember."))
        #expect(CompanyName.isAsked("leverandør") && !CompanyName.isAsked("kommune"))
    }

    /// Which clause of a sentence carries its fact: the main clause, not a comment joined by "så"/"men", and not a
    /// relative clause before the comma.
    @Test func aNegationDeniesTheFactOnlyInTheClauseThatStatesIt() {
        #expect(Negation.deniesItsFact("Portalen skal ikke ha flere enn 40 tjenester."))
        #expect(Negation.deniesItsFact("Opplysninger som legges inn i portalen, brukes ikke til å trene modeller."))
        #expect(!Negation.deniesItsFact("Målet var 70 prosent, så målet ble ikke nådd."))
        #expect(!Negation.deniesItsFact("Kurset er åpent for alle, men ingen kommuner har meldt seg på ennå."))
        #expect(!Negation.deniesItsFact("Etaten nådde målet."))
    }

    @Test func runningHeadersAndPageNumbersAreNoPassages() {
        let pages = (1...3).map { number in
            "Direktoratet for prøver                    Årsrapport 2025\nFørste setning om tema \(number * 7).\n"
                + "Målverdi: \(number * 10) prosent.\nSiste setning på siden.\nSide \(number) av 3"
        }
        let document = KnowledgeDocument(
            identifier: "d", title: "Årsrapport 2025", documentType: "Årsrapport", publisher: "Direktoratet",
            year: 2025, access: "public",
            file: "d.txt", pages: pages)
        let library = DocumentLibrary(documents: [document], groups: [])
        let texts = library.sentences.map(\.text)
        #expect(!texts.contains { $0.hasPrefix("Direktoratet for prøver") || $0.hasPrefix("Side ") }, "\(texts)")
        #expect(texts.filter { $0.hasPrefix("Målverdi") }.count == 3, "a line repeated inside pages is content")
        #expect(
            RunningText.isPageNumber("Side 12 av 40") && RunningText.isPageNumber("- 3 -")
                && !RunningText.isPageNumber("Side om ledelse"))
    }

    @Test func numbersWrittenAsWordsAreQuantities() {
        #expect(Assistant.hasQuantity("Oppdater den minst hver sjette måned."))
        #expect(Assistant.hasQuantity("Kommunene får gratis tilgang de tre første årene."))
        #expect(!Assistant.hasQuantity("Vi ser på andre virksomheter."), "«andre» is also «other»")
    }
}
