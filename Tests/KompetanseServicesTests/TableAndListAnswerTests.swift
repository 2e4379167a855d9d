import Foundation
import KompetanseDomain
import KompetanseServices
import Testing

/// Lists and tables in documents written for these tests: the answer is the list or the row, with what gives it
/// meaning (the lead-in, the header), never the lead-in or the first item alone.
@Suite struct TableAndListAnswerTests {
    @Test func aListQuestionGetsTheLeadInAndEveryItem() async throws {
        let text = """
            Rapporten ser på opplæringen i etaten.
            Utvalget gir fire råd til etaten:
            1. Lag en felles plan for opplæring av nye ledere.
            2. Mål effekten av kursene hvert år,
               og rapporter resultatene til ledergruppen.
            3. Del kursene med andre etater.
            4. Sett av tid til opplæring i arbeidsplanen.
            Rådene skal følges opp i 2026.
            """
        try await withTexts([("raad.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvilke fire råd gir utvalget til etaten?", as: .anonymous)
            #expect(!answer.refused)
            for item in ["felles plan", "Mål effekten", "rapporter resultatene", "Del kursene", "Sett av tid"] {
                #expect(answer.text.contains(item), "missing «\(item)»: \(answer.text)")
            }
            #expect(!answer.text.contains("følges opp i 2026"), "the paragraph after the list is not an item")
        }
    }

    @Test func unmarkedItemsOnePerLineAndLabelledItemsAreLists() async throws {
        let unmarked =
            "Styret anbefaler at nettverket prioriterer:\nfelles opplæring i arkivering;\nen felles portal for søknader;\nbedre deling av data.\nStyret møtes igjen i mars."
        let labelled = """
            Departementet fastsetter tre hovedmål for etaten.
            Hovedmål 1: Tjenestene er digitale.
            Styringsparameter 1.1: Andel digitale søknader.
            Hovedmål 2: Data deles på tvers.
            Hovedmål 3: Ledere har digital kompetanse.
            """
        try await withTexts([("styret.txt", unmarked), ("mal.txt", labelled)]) { services in
            let board = try await services.documents.ask(
                "Hva anbefaler styret at nettverket prioriterer?", as: .anonymous)
            #expect(
                board.text.contains("arkivering") && board.text.contains("portal")
                    && board.text.contains("deling av data"), "\(board.text)")
            let goals = try await services.documents.ask(
                "Hvilke tre hovedmål har departementet fastsatt for etaten?", as: .anonymous)
            #expect(
                goals.text.contains("digitale.") && goals.text.contains("deles på tvers")
                    && goals.text.contains("digital kompetanse"), "\(goals.text)")
        }
    }

    @Test func aTableRowIsReadWithItsHeaderAndColumn() async throws {
        let text = """
            Tabell 2 Vurdering av modulene
            Modul                          Fullført     Snittskår (1–5)     Andel svært nyttig
            1 Grunnkurs i innkjøp          3 910        4,3                 52 %
            2 Markedsdialog                3 640        4,1                 47 %
            3 Kontraktsoppfølging          3 150        3,2                 24 %
            Samlet                         10 700       3,9                 41 %
            Modul 1 er mest brukt.
            """
        try await withTexts([("moduler.txt", text)]) { services in
            let lowest = try await services.documents.ask(
                "Hvilken modul fikk lavest snittskår, og hva var skåren?", as: .anonymous)
            #expect(lowest.text.contains("Kontraktsoppfølging") && lowest.text.contains("3,2"), "\(lowest.text)")
            #expect(lowest.text.contains("Snittskår"), "the header says what the number is")
            let highest = try await services.documents.ask(
                "Hvilken modul hadde høyest andel svært nyttig?", as: .anonymous)
            #expect(
                highest.text.contains("Grunnkurs i innkjøp"), "the named column, not the first one: \(highest.text)")
            let named = try await services.documents.ask("Hvor mange fullførte modul 2?", as: .anonymous)
            #expect(named.text.contains("Markedsdialog") && named.text.contains("3 640"), "\(named.text)")
        }
    }

    /// A table under a section heading, found through the heading, with its column named by a part of the
    /// question's compound ("feilskår" → "Skår"); the superlative says how to choose a row, not what about.
    @Test func aHighestQuestionFindsTheTableUnderItsHeadingAndAColumnByACompoundPart() async throws {
        let text = """
            Veileder for kvalitet i saksbehandling
            1 Om veilederen
            Veilederen beskriver hvordan etaten kan finne og rette feil i vedtak før de sendes.
            3 Vanlige feil og tiltak
            Etaten gikk gjennom 400 vedtak i 2024.
            Gjennomgangen ble gjort av to saksbehandlere.
            Feil                          Hyppighet     Skår     Tiltak
            Feil mottaker                 2             6        Kontroller adressen
            Manglende begrunnelse         4             16       Bruk malen for begrunnelse
            For sen klagefrist            3             9        Beregn fristen i systemet
            Ordet skår brukes om hyppighet ganger alvor.
            """
        try await withTexts([("veileder.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvilken av de vanlige feilene har høyest feilskår?", as: .anonymous)
            #expect(
                answer.text.contains("Manglende begrunnelse") && answer.text.contains("16"),
                "\(answer.text) \(answer.reason ?? "")")
        }
    }

    /// "Planen bygger på tre verdier" announces a list whose items are the paragraphs of the section named by the
    /// same word; each paragraph opens with its item.
    @Test func anAnnouncedListIsReadFromTheParagraphsOfItsSection() async throws {
        let text = """
            Plan for bedre tjenester i etaten
            Planen bygger på tre verdier. Verdiene er beskrevet nedenfor.
            2 Verdier for arbeidet
            De tre verdiene gjelder for alle avdelinger i etaten.
            Åpenhet i alt vi gjør. Vi publiserer planer og resultater på nettsidene.
            Brukeren først. Tjenestene utvikles sammen med dem som skal bruke dem.
            Ansvar for helheten. Hver leder har ansvar for at tjenestene henger sammen.
            3 Gjennomføring
            Planen følges opp hvert kvartal.
            """
        try await withTexts([("plan.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvilke verdier bygger planen på?", as: .anonymous)
            for item in ["Åpenhet i alt vi gjør", "Brukeren først", "Ansvar for helheten"] {
                #expect(answer.text.contains(item), "missing «\(item)»: \(answer.text)")
            }
            #expect(!answer.text.contains("følges opp hvert kvartal"))
        }
    }

    /// A question that names a column and a row's label ("kommunene med under 5 000 innbyggere") gets that row,
    /// not the row that begins with the same number; "5 000" is a quantity, not a row identifier.
    @Test func aRowNamedByItsLabelIsAnswered() async throws {
        let text = """
            Tabell 4 viser andelen digitale søknader etter kommunestørrelse.
            Kommunestørrelse\tKommuner\tAndel digitale søknader
            Under 5 000 innbyggere\t21\t58 %
            5 000–20 000 innbyggere\t17\t66 %
            Over 20 000 innbyggere\t9\t81 %
            Andelen økte i alle grupper.
            """
        try await withTexts([("soknader.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvor stor andel digitale søknader hadde kommunene med under 5 000 innbyggere?", as: .anonymous)
            #expect(answer.text.contains("58 %") && !answer.text.contains("66 %"), "\(answer.text)")
            #expect(answer.text.contains("Andel digitale søknader"), "the header says what the number is")
        }
    }

    /// A row named by its identifier ("alternativ A") is found in its table even when sentences about the other
    /// items ("alternativ B") share more of the question's words and rank above the table.
    @Test func anItemNamedByItsIdentifierIsReadFromItsRowBelowProseAboutOtherItems() async throws {
        let text = """
            Utredning om felles saksbehandlingssystem
            1 Sammendrag
            Alternativ B har en netto nåverdi på 310 millioner kroner og middels risiko.
            Alternativ C har høyest netto nåverdi, 350 millioner kroner, men høy risiko.
            2 Følsomhet
            Dersom gevinstene kommer senere, faller netto nåverdi for alternativ B til 250 millioner kroner.
            Dersom kostnadene øker, faller netto nåverdi for alternativ C til 290 millioner kroner.
            Med lavere rente øker netto nåverdi for alternativ B til 330 millioner kroner.
            Netto nåverdi for alternativ C er usikker, og er 280 millioner kroner i det svakeste utfallet.
            Kostnaden for alternativ B er 12 millioner kroner per år.
            3 Analyse
            Tabell 1 Prissatte virkninger (millioner kroner)
            Alternativ                        Investering     Netto nåverdi     Risiko
            0 Nullalternativet                0               0                 Lav
            A Oppgradering av dagens system   40              95                Lav
            B Nytt felles system              90              310               Middels
            C Nasjonal løsning                150             350               Høy
            D Felles drift                    30              60                Lav
            """
        try await withTexts([("utredning.txt", text)]) { services in
            let row = try await services.documents.ask("Hva er netto nåverdi for alternativ A?", as: .anonymous)
            #expect(row.text.contains("Oppgradering av dagens system") && row.text.contains("95"), "\(row.text)")
        }
    }

    /// A table of deadlines continued on the next page under the same header is one table: the latest (or earliest)
    /// date is found across both parts, comparing dates as dates, not as the numbers they begin with.
    @Test func theLatestDeadlineIsReadAcrossATableContinuedOnTheNextPage() async throws {
        let text = """
            Handlingsplan for digitalisering 2026–2027
            Tabell 1. Tiltak og frister (tiltak 1–3)
            Nr.    Tiltak                                   Ansvarlig              Frist
            1      Innføre digital byggesøknad              Plansjef               1. mars 2026
            2      Ta i bruk felles arkivløsning            Arkivleder             30. desember 2026
            3      Lære opp alle ledere i personvern        HR-sjef                9. juni 2026
            Tiltak 2 er forsinket.\u{0C}Tabell 2. Tiltak og frister (tiltak 4–6)
            Nr.    Tiltak                                   Ansvarlig              Frist
            4      Gjennomføre brukerundersøkelse           Kommunikasjonssjef     15. november 2027
            5      Publisere åpne data om vann              Driftsleder            31. januar 2027
            6      Avslutte gamle fagsystemer               IKT-leder              1. mai 2027
            Tiltak 4 gir grunnlag for ny strategi.
            """
        try await withTexts([("handlingsplan.txt", text)]) { services in
            let latest = try await services.documents.ask("Hvilket tiltak har den seneste fristen?", as: .anonymous)
            #expect(
                latest.text.contains("brukerundersøkelse") && latest.text.contains("15. november 2027"),
                "\(latest.text)")
            let earliest = try await services.documents.ask("Hvilket tiltak har den tidligste fristen?", as: .anonymous)
            #expect(
                earliest.text.contains("digital byggesøknad") && earliest.text.contains("1. mars 2026"),
                "\(earliest.text)")
        }
    }

    /// A table row belongs to the year its caption names ("Tidsplan for kull 2027"), even when its own cell names
    /// the year before; and "hvor holdes" asks for a place, not for what else is held.
    @Test func aRowIsInTheYearOfItsCaptionAndAWhereQuestionGetsAPlace() async throws {
        let text = """
            Kompetanseprogram for ledere
            Tabell 1. Tidsplan for kull 2027
            Aktivitet                                         Tidspunkt
            Påmeldingsfrist                                   1. desember 2026
            Oppstart, digitalt                                12. januar 2027
            Samling, Nordvik rådhus                           3.–4. mars 2027
            Webinarene holdes på Teams og varer i to timer.
            Deltakerne betaler selv reise til og fra samlingen.
            Avgiften dekker samlingen med måltider.
            """
        try await withTexts([("program.txt", text)]) { services in
            let deadline = try await services.documents.ask("Når er påmeldingsfristen for kull 2027?", as: .anonymous)
            #expect(deadline.text.contains("1. desember 2026"), "\(deadline.text)")
            let place = try await services.documents.ask("Hvor holdes samlingen?", as: .anonymous)
            #expect(place.text.contains("Nordvik rådhus"), "\(place.text)")
        }
    }

    /// Of two lists near the question's words, the one whose lead-in names the items as the question does ("i fire
    /// trinn:" for "hvilke trinn") answers, not the one that shares the question's verb ("består av tre deler:").
    @Test func theListWhoseLeadInNamesTheItemsAnswers() async throws {
        let text = """
            Veileder for vurdering av tjenester
            Veilederen består av tre deler:
            – del 1 forklarer hvorfor vurderingen er viktig;
            – del 2 beskriver trinnene i vurderingen;
            – del 3 gir eksempler på vurderinger.
            2 Fremgangsmåten
            Vurderingen gjennomføres i fire trinn:
            1. Sett sammen en gruppe.
            2. Beskriv tjenesten.
            3. Finn svakhetene.
            4. Lag en plan for oppfølging.
            """
        try await withTexts([("veileder.txt", text)]) { services in
            let answer = try await services.documents.ask("Hvilke trinn består vurderingen av?", as: .anonymous)
            #expect(
                answer.text.contains("Sett sammen en gruppe") && answer.text.contains("Lag en plan"), "\(answer.text)")
            #expect(!answer.text.contains("tre deler"), "\(answer.text)")
        }
    }

    /// Numbers that name an item ("post 21", "tillegg nr. 1") are no quantity, so a sentence that only names the
    /// item does not answer "hvor mye"; and "økt" is read in the documents' "økes".
    @Test func anItemNumberIsNoQuantityAndAnIncreaseIsReadInAnyForm() async throws {
        let report = """
            Samlet tildeling for 2025 omfatter økningen på post 21 i tillegg nr. 1 til tildelingsbrevet.
            Regnskapet viser at midlene ble brukt.
            """
        let supplement = """
            Tillegg nr. 1 til tildelingsbrevet
            Bevilgningen på post 21 Spesielle driftsutgifter økes med 6,5 millioner kroner.
            """
        try await withTexts([("rapport.txt", report), ("tillegg.txt", supplement)]) { services in
            let answer = try await services.documents.ask(
                "Hvor mye ble post 21 økt med i tillegg nr. 1?", as: .anonymous)
            #expect(answer.text.contains("6,5 millioner kroner"), "\(answer.text)")
        }
    }

    /// A budget line named by its item ("post 01") in running text with the amount answers, even when a table row
    /// with the same label stands lower in another document; without the amount, the table row answers.
    @Test func aNamedItemWithItsAmountInRunningTextAnswersBeforeATableRow() async throws {
        let letter = """
            Departementet stiller disse midlene til rådighet for etaten i 2025:
            Kap. 1560 post 01 Driftsutgifter: 219,8 millioner kroner
            Kap. 1560 post 21 Spesielle driftsutgifter: 15,0 millioner kroner
            Post 45 gjelder fornyelse av utstyr.
            """
        let report = """
            Bevilgningsrapportering 2025 (mill. kroner)
            Post\tSamlet tildeling\tRegnskap\tMindreutgift
            01 Driftsutgifter\t221,0\t217,9\t3,1
            45 Utstyr\t6,2\t5,8\t0,4
            """
        try await withTexts([("brev.txt", letter), ("rapport.txt", report)]) { services in
            let line = try await services.documents.ask(
                "Hvor mye fikk etaten på post 01 Driftsutgifter i 2025?", as: .anonymous)
            #expect(line.text.contains("219,8"), "\(line.text)")
            let row = try await services.documents.ask(
                "Hvor mye var samlet tildeling på post 45 i 2025?", as: .anonymous)
            #expect(row.text.contains("6,2"), "\(row.text)")
        }
    }

    /// A sentence inside a numbered step is read with the step's earlier sentences; a point whose opening sentence
    /// denies ("Gevinstene følges ikke opp.") describes a mistake, not how it is done.
    @Test func aStepIsReadWholeAndAMistakeIsNotTheWay() async throws {
        let text = """
            Slik følger kommunen opp gevinstene:
            1. Lag en plan. Planen skal ha et mål for hver gevinst.
            2. Følg opp. Gevinsteieren rapporterer i den ordinære tertialrapporteringen. Oppfølgingen fortsetter i tre år etter at prosjektet er avsluttet.
            Vanlige feil:
            - Gevinstene følges ikke opp. Rapporteringen stopper når prosjektet er avsluttet.
            - Målene settes for høyt.
            """
        try await withTexts([("veileder.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvordan skal gevinstene følges opp etter at prosjektet er avsluttet?", as: .anonymous)
            #expect(answer.text.contains("tertialrapporteringen") && answer.text.contains("tre år"), "\(answer.text)")
            #expect(!answer.text.contains("Rapporteringen stopper"), "\(answer.text)")
        }
    }

    /// "Hvilke tre … oftest": the first rows by the table's value column, each with the header; a named column of
    /// words ("Hindring") says what the rows are, so the values are read from the column of numbers.
    @Test func theTopRowsOfATableAnswerAListQuestionWithASuperlative() async throws {
        let text = """
            Undersøkelsen spurte virksomhetene hva som hindrer dem i å dele data.
            Tabell 3. Hindringer for deling av data, rangert.
            Andel av virksomhetene som oppgir hindringen (n = 140)
            Rang\tHindring\tAndel
            1\tUklart rettslig grunnlag\t58 %
            2\tMangel på kompetanse\t49 %
            3\tUlike dataformater\t41 %
            4\tKostnader\t22 %
            Resultatene ligner fjorårets.
            """
        try await withTexts([("deling.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvilke tre hindringer for deling av data ble oftest nevnt av virksomhetene?", as: .anonymous)
            for item in ["rettslig grunnlag", "kompetanse", "dataformater"] {
                #expect(answer.text.contains(item), "missing «\(item)»: \(answer.text)")
            }
            #expect(!answer.text.contains("Kostnader"), "\(answer.text)")
        }
    }

    /// A section whose heading names what the question asks for and which opens with numbered items is a list:
    /// the heading is its lead-in.
    @Test func aSectionHeadingLeadsTheListUnderIt() async throws {
        let text = """
            Rapport om digital samhandling i regionen.
            5 Tiltak
            1. Etabler et felles fagnettverk for arkiv.
            2. Lag en felles rutine for tilgangsstyring.
            3. Kjøp inn en felles løsning for digital signatur.
            Tiltakene bør vurderes av styret i 2026.
            """
        try await withTexts([("tiltak.txt", text)]) { services in
            let answer = try await services.documents.ask(
                "Hvilke tiltak foreslår rapporten om digital samhandling?", as: .anonymous)
            for item in ["fagnettverk for arkiv", "tilgangsstyring", "digital signatur"] {
                #expect(answer.text.contains(item), "missing «\(item)»: \(answer.text)")
            }
        }
    }

    @Test func anOrdinalQuestionGetsThatItemOfTheList() async throws {
        let text =
            "Trappa har fire trinn:\n1. Utforske verktøyene.\n2. Bruke dem i eget arbeid.\n3. Dele erfaringer.\n4. Endre arbeidsprosessene."
        try await withTexts([("trapp.txt", text)]) { services in
            let answer = try await services.documents.ask("Hva er det andre trinnet i trappa?", as: .anonymous)
            #expect(
                answer.text.contains("2. Bruke dem i eget arbeid.") && !answer.text.contains("Utforske"),
                "\(answer.text)")
        }
    }
}
