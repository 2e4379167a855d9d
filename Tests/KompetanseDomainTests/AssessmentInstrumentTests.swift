import Foundation
import KompetanseDomain
import Testing

/// A small DI2X-shaped instrument shared by the assessment tests: targets G1–G5, one generation scale 1–5, five
/// items on four nodes (two items on DI2X.T.1.1).
enum AssessmentFixture {
    static func text(_ bokmål: String) -> LocalizedText {
        LocalizedText(nb: bokmål, nn: bokmål + " (nn)", en: bokmål + " (en)")
    }

    static let nodes = ["DI2X.T.1.1", "DI2X.T.1.2", "DI2X.T.2.1", "DI2X.T.2.2"]

    static var instrument: Instrument {
        let names = ["Digitalisert", "Samhandlende", "Datadrevet", "Tjenesteorientert", "Innovativ"]
        return Instrument(
            identifier: "di2x-test", version: "1", framework: "DI2X", title: text("Kapabiliteter"),
            description: text("Hvor står vi?"),
            targets: names.enumerated().map { offset, name in
                TargetOption(value: offset + 1, label: text("G\(offset + 1) – \(name)"))
            },
            gapRule: .target,
            scales: [
                Scale(
                    identifier: "generasjon", kind: .generation,
                    levels: (1...5).map { ScaleLevel(value: $0, label: text("G\($0)")) })
            ],
            items: [
                InstrumentItem(identifier: "T1-1", node: "DI2X.T.1.1", text: text("Strategi"), scale: "generasjon"),
                InstrumentItem(identifier: "T1-2", node: "DI2X.T.1.1", text: text("Styring"), scale: "generasjon"),
                InstrumentItem(identifier: "T1-3", node: "DI2X.T.1.2", text: text("Arkitektur"), scale: "generasjon"),
                InstrumentItem(identifier: "T2-1", node: "DI2X.T.2.1", text: text("Deling"), scale: "generasjon"),
                InstrumentItem(identifier: "T2-2", node: "DI2X.T.2.2", text: text("Datakunnskap"), scale: "generasjon"),
            ])
    }
}

@Suite struct LocalizedTextTests {
    @Test func fallsBackToBokmålWhenEmptyOrUnknown() {
        let text = LocalizedText(nb: "Ledelse", nn: "Leiing", en: " ")
        #expect(text.text(language: "nn") == "Leiing")
        #expect(text.text(language: "nb") == "Ledelse")
        #expect(text.text(language: "en") == "Ledelse", "blank English falls back to bokmål")
        #expect(text.text(language: "se") == "Ledelse", "unknown language falls back to bokmål")
    }

    @Test func codesWithLanguageKeys() throws {
        let json = Data(#"{"nb":"Ja","nn":"Ja","en":"Yes"}"#.utf8)
        let text = try JSONDecoder().decode(LocalizedText.self, from: json)
        #expect(text == LocalizedText(nb: "Ja", nn: "Ja", en: "Yes"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LocalizedText.self, from: Data(#"{"nb":"Ja","en":"Yes"}"#.utf8))
        }
    }
}

@Suite struct InstrumentModelTests {
    static let json = #"""
        {
          "identifier": "dfo-ki",
          "version": "2",
          "framework": "DFO-KI",
          "title": {"nb": "KI-trinn", "nn": "KI-steg", "en": "AI steps"},
          "description": {"nb": "B", "nn": "N", "en": "E"},
          "targets": [
            {"value": 1, "label": {"nb": "Trinn 1 – Utforske", "nn": "Steg 1", "en": "Step 1"}},
            {"value": 2, "label": {"nb": "Trinn 2", "nn": "Steg 2", "en": "Step 2"}}
          ],
          "gapRule": {"kind": "fixed", "level": 3},
          "scales": [
            {
              "identifier": "modenhet",
              "kind": "anchored",
              "levels": [
                {"value": 1, "label": {"nb": "Lite", "nn": "Lite", "en": "Little"}},
                {"value": 3, "label": {"nb": "Noe", "nn": "Noko", "en": "Some"}}
              ]
            }
          ],
          "items": [
            {"identifier": "K1", "node": "DFO-KI.1", "text": {"nb": "Spm", "nn": "Spm", "en": "Q"}, "scale": "modenhet",
             "anchors": [
               {"value": 1, "label": {"nb": "Vi har ikke prøvd", "nn": "Vi har ikkje prøvd", "en": "Not tried"}},
               {"value": 3, "label": {"nb": "Vi bruker det", "nn": "Vi brukar det", "en": "We use it"}}
             ]},
            {"identifier": "K2", "node": "DFO-KI.2", "text": {"nb": "S", "nn": "S", "en": "Q"}, "scale": "modenhet"},
            {"identifier": "K3", "node": "DFO-KI.1", "text": {"nb": "S", "nn": "S", "en": "Q"}, "scale": "modenhet"}
          ]
        }
        """#

    @Test func decodesTheInstrumentFormat() throws {
        let instrument = try JSONDecoder().decode(Instrument.self, from: Data(Self.json.utf8))
        #expect(instrument.identifier == "dfo-ki")
        #expect(instrument.gapRule == .fixed(level: 3))
        #expect(instrument.scales[0].kind == .anchored)
        #expect(instrument.targets.map(\.shortName) == ["Trinn 1", "Trinn 2"], "the label up to « – », else all of it")
        #expect(instrument.items[1].anchors == nil)
        #expect(instrument.problems(knownNodeCodes: ["DFO-KI.1", "DFO-KI.2"]).isEmpty)

        let again = try JSONDecoder().decode(Instrument.self, from: JSONEncoder().encode(instrument))
        #expect(again == instrument)
    }

    @Test func helpersFollowItemOrder() throws {
        let instrument = try JSONDecoder().decode(Instrument.self, from: Data(Self.json.utf8))
        #expect(instrument.nodeCodes == ["DFO-KI.1", "DFO-KI.2"], "DFO-KI.1 once, though K3 names it again")
        #expect(instrument.items(forNode: "DFO-KI.1").map(\.identifier) == ["K1", "K3"])
        #expect(instrument.levels(of: instrument.items[0]).map(\.label.nb) == ["Vi har ikke prøvd", "Vi bruker det"])
        #expect(instrument.levels(of: instrument.items[1]).map(\.label.nb) == ["Lite", "Noe"], "no anchors: scale's")
        #expect(instrument.scale(of: instrument.items[1])?.identifier == "modenhet")
        #expect(instrument.targetNames == [1: "Trinn 1", 2: "Trinn 2"])
    }

    @Test func gapRuleCodesAsKind() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(GapRule.target), as: UTF8.self) == #"{"kind":"target"}"#)
        let fixed = try encoder.encode(GapRule.fixed(level: 3))
        #expect(String(decoding: fixed, as: UTF8.self) == #"{"kind":"fixed","level":3}"#)
        #expect(try JSONDecoder().decode(GapRule.self, from: Data(#"{"kind":"target"}"#.utf8)) == .target)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GapRule.self, from: Data(#"{"kind":"median"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GapRule.self, from: Data(#"{"kind":"fixed"}"#.utf8))
        }
    }
}

@Suite struct InstrumentProblemTests {
    let known = Set(AssessmentFixture.nodes)

    func problems(_ change: (inout Instrument) -> Void) -> [InstrumentProblem] {
        var instrument = AssessmentFixture.instrument
        change(&instrument)
        return instrument.problems(knownNodeCodes: known)
    }

    @Test func theFixtureIsValid() {
        #expect(problems { _ in }.isEmpty)
    }

    @Test func unknownNodeNamesItemAndNode() throws {
        let found = problems { $0.items[0].node = "DI2X.X.9" }
        #expect(found.map(\.path) == ["items[0].node"])
        let message = try #require(found.first?.message)
        #expect(message.contains("T1-1") && message.contains("DI2X.X.9"))
    }

    @Test func unknownScale() {
        let found = problems { $0.items[1].scale = "likert" }
        #expect(found.map(\.path) == ["items[1].scale"])
        #expect(found.first?.message.contains("likert") == true)
    }

    @Test func duplicateItemAndScaleIdentifiers() {
        let items = problems { $0.items[2].identifier = "T1-1" }
        #expect(items.map(\.path) == ["items[2].identifier"])
        #expect(items.first?.message.contains("items[0]") == true)
        let scales = problems { $0.scales.append($0.scales[0]) }
        #expect(scales.map(\.path) == ["scales[1].identifier"])
    }

    @Test func emptyAndUnorderedLevels() {
        let empty = problems { $0.scales.append(Scale(identifier: "tom", kind: .anchored, levels: [])) }
        #expect(empty.map(\.path) == ["scales[1].levels"])
        let repeated = problems { $0.scales[0].levels[2].value = 2 }
        #expect(repeated.map(\.path) == ["scales[0].levels[2].value"], "levels 1, 2, 2, 4, 5: the third does not rise")
    }

    @Test func anchorsMustHaveTheScaleValues() {
        let found = problems {
            $0.items[0].anchors = [1, 2, 3].map { ScaleLevel(value: $0, label: AssessmentFixture.text("A\($0)")) }
        }
        #expect(found.map(\.path) == ["items[0].anchors"])
        #expect(found.first?.message.contains("1, 2, 3, 4, 5") == true)
        let matching = problems {
            $0.items[0].anchors = (1...5).map { ScaleLevel(value: $0, label: AssessmentFixture.text("A\($0)")) }
        }
        #expect(matching.isEmpty)
    }

    @Test func targetsMustBePresentAndAscending() {
        #expect(problems { $0.targets = [] }.map(\.path) == ["targets"])
        #expect(problems { $0.targets.swapAt(0, 1) }.map(\.path) == ["targets[1].value"], "2 then 1 does not rise")
    }

    @Test func fixedLevelMustBeOnEveryUsedScale() {
        #expect(problems { $0.gapRule = .fixed(level: 3) }.isEmpty)
        let found = problems { $0.gapRule = .fixed(level: 6) }
        #expect(found.map(\.path) == ["gapRule.level"])
        #expect(found.first?.message.contains("generasjon") == true)
        let unused = problems {
            $0.gapRule = .fixed(level: 3)
            let level = ScaleLevel(value: 1, label: AssessmentFixture.text("x"))
            $0.scales.append(Scale(identifier: "ubrukt", kind: .anchored, levels: [level]))
        }
        #expect(unused.isEmpty, "a scale no item uses does not need the fixed level")
    }

    @Test func everyTextNeedsAllThreeLanguages() {
        let found = problems {
            $0.items[3].text.nn = ""
            $0.title.en = "  "
        }
        #expect(found.map(\.path) == ["title.en", "items[3].text.nn"])
        #expect(found.last?.message == "Teksten på nynorsk mangler")
    }

    @Test func identifierMustBeLowercaseWordsAndDashes() {
        #expect(problems { $0.identifier = "DI2X test" }.map(\.path) == ["identifier"])
    }

    @Test func reportsEveryProblemAtOnce() {
        let found = problems {
            $0.items[0].node = "DI2X.X.9"
            $0.items[4].scale = "likert"
            $0.targets = []
        }
        #expect(found.map(\.path) == ["targets", "items[0].node", "items[4].scale"])
    }
}

@Suite struct ResponseTests {
    @Test func responsesAreNumbersOrWords() throws {
        let json = Data(#"{"T1-1": 3, "T1-2": "vet-ikke", "T1-3": "ikke-relevant"}"#.utf8)
        let sheet = try JSONDecoder().decode(ResponseSheet.self, from: json)
        #expect(sheet == ["T1-1": .level(3), "T1-2": .dontKnow, "T1-3": .notRelevant])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(sheet), as: UTF8.self)
                == #"{"T1-1":3,"T1-2":"vet-ikke","T1-3":"ikke-relevant"}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ResponseSheet.self, from: Data(#"{"T1-1": "kanskje"}"#.utf8))
        }
    }

    @Test func sheetProblemsNameUnknownItemsAndAllowedLevels() {
        let instrument = AssessmentFixture.instrument
        let sheet: ResponseSheet = ["X9": .level(1), "T1-1": .level(7), "T1-2": .level(5), "T1-3": .dontKnow]
        let found = instrument.problems(in: sheet)
        #expect(found.map(\.path) == ["responses.T1-1", "responses.X9"])
        #expect(found[0].message.contains("tillatt: 1, 2, 3, 4, 5"))
        #expect(found[1].message.contains("X9"))
        #expect(instrument.problems(in: ["T1-1": .level(5), "T2-2": .notRelevant]).isEmpty)
    }

    @Test func anchoredItemsAllowTheirAnchorValues() {
        var instrument = AssessmentFixture.instrument
        instrument.scales[0].levels = [1, 3, 5].map { ScaleLevel(value: $0, label: AssessmentFixture.text("N\($0)")) }
        #expect(instrument.problems(in: ["T1-1": .level(2)]).first?.message.contains("tillatt: 1, 3, 5") == true)
        #expect(instrument.problems(in: ["T1-1": .level(3)]).isEmpty)
    }
}
