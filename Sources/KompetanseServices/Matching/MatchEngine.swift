import Foundation
import KompetanseDomain
import KompetanseSearch

/// A group of words that mean the same thing in this domain ("KI", "kunstig intelligens", "AI").
public struct SynonymGroup: Sendable, Hashable, Codable {
    /// The words and phrases, lowercased.
    public var terms: [String]
    /// Why they belong together.
    public var note: String?
}

/// One ranked measure with the reasons behind its rank.
public struct MatchHit: Sendable {
    /// The measure.
    public var measure: Measure
    /// Final score in 0…1 (1 = the best topical match with every stated constraint met).
    public var score: Double
    /// Topical score before constraints, relative to the best topical match (0…1).
    public var topicalScore: Double
    /// The matched words and fields, best first.
    public var matchedTerms: [ScoreExplanation]
    /// How the measure fits each stated constraint.
    public var fits: [(constraint: UnderstoodConstraint, fit: ConstraintFit)]
    /// Framework nodes of the need that this measure builds.
    public var nodes: [FrameworkNode]
    /// Similarity from the embeddings, when they were used.
    public var semanticScore: Double?

    /// A one-line Norwegian reason: which words, which fields, which constraints, which nodes.
    public var why: String {
        var parts: [String] = []
        // One entry per word of the need, with every field it was found in.
        var order: [String] = []
        var fieldsByOrigin: [String: Set<String>] = [:]
        for explanation in matchedTerms {
            let origin = explanation.description.components(separatedBy: " → ").first ?? explanation.description
            if fieldsByOrigin[origin] == nil { order.append(origin) }
            fieldsByOrigin[origin, default: []].formUnion(explanation.fields)
        }
        let words = order.prefix(4).map { origin -> String in
            let fields = (fieldsByOrigin[origin] ?? []).sorted().map(MatchEngine.fieldLabel).joined(separator: "/")
            return fields.isEmpty ? origin : "\(origin) i \(fields)"
        }
        if !words.isEmpty { parts.append("treffer " + words.joined(separator: ", ")) }
        if let semanticScore, words.isEmpty { parts.append(String(format: "likt i innhold (%.2f)", semanticScore)) }
        for (constraint, fit) in fits {
            switch fit {
            case .met: parts.append("\(constraint.label) ✓")
            case .violated: parts.append("\(constraint.label) ✗")
            case .unknown: parts.append("\(constraint.label) ukjent")
            }
        }
        if !nodes.isEmpty { parts.append("bygger " + nodes.prefix(2).map { "\($0.code) \($0.label)" }.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

/// The ranking core of matching: lexical BM25F over the catalogue, synonym and English expansion, an optional
/// dense list fused in, and stated constraints applied as soft preferences. Built once per catalogue revision.
public struct MatchEngine: Sendable {
    /// Named, tuned constants.
    public enum Configuration {
        /// BM25F field weights: the title and keywords say what a measure is about more than its description.
        public static let fields: [FieldSpecification] = [
            FieldSpecification(name: "name", weight: 3.0, lengthNormalisation: 0.5),
            FieldSpecification(name: "keywords", weight: 2.0, lengthNormalisation: 0.5),
            FieldSpecification(name: "teaches", weight: 2.0, lengthNormalisation: 0.5),
            FieldSpecification(name: "description", weight: 1.0, lengthNormalisation: 0.75),
            FieldSpecification(name: "audience", weight: 0.7, lengthNormalisation: 0.5),
            FieldSpecification(name: "provider", weight: 0.5, lengthNormalisation: 0.5),
        ]
        /// Weight of a synonym of a word the user wrote.
        public static let synonymWeight = 0.6
        /// Weight of the Norwegian translation of an English word.
        public static let translationWeight = 0.9
        /// Weight of words that state a constraint ("gratis", "nettbasert"): they are handled as preferences.
        public static let constraintWordWeight = 0.3
        /// Weight of words that ask rather than describe ("trenger", "helst", "hjelp").
        public static let requestWordWeight = 0.2
        /// Score change for a stated constraint a measure meets, cannot tell, or breaks. Hard constraints (price,
        /// delivery, sector, language, credits) decide whether a measure is usable at all; soft ones (format,
        /// audience, length) only make it a better or worse fit.
        public static func adjustment(for constraint: Constraint, fit: ConstraintFit) -> Double {
            let isSoft: Bool
            switch constraint {
            case .format, .audience, .maximumHours: isSoft = true
            case .free, .online, .sector, .language, .credits: isSoft = false
            }
            switch fit {
            case .met: return isSoft ? 0.08 : 0.15
            case .unknown: return isSoft ? -0.02 : -0.05
            case .violated: return isSoft ? -0.15 : -0.45
            }
        }
        /// The largest bonus one constraint can give, used to keep final scores in 0…1.
        static let maximumBonus = 0.15
        /// Weight of the dense list in score fusion (the lexical list has weight 1).
        public static let denseWeight = 0.6
        /// Below this share of query words matched, with no dense support, a result counts as weak.
        public static let weakCoverage = 0.34
    }

    /// Labels of index fields in explanations.
    static func fieldLabel(_ field: String) -> String {
        switch field {
        case "name": "tittel"
        case "keywords": "stikkord"
        case "teaches": "kompetanser"
        case "description": "beskrivelse"
        case "audience": "målgruppe"
        case "provider": "tilbyder"
        default: field
        }
    }

    let measures: [String: Measure]
    let profiles: [String: MeasureProfile]
    /// The framework codes each measure builds, so ranking never copies whole measures.
    let taughtCodes: [String: [String]]
    let index: InvertedIndex
    let synonyms: [[(surface: String, terms: [String])]]
    let translations: [(phrase: [String], terms: [String])]
    let concepts: ConceptIndex

    /// Builds the engine over a catalogue, the frameworks and the synonym groups.
    public init(measures: [Measure], frameworks: [Framework], synonyms: [SynonymGroup]) {
        let analyzer = Analyzer()
        self.measures = Dictionary(measures.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        profiles = self.measures.mapValues(MeasureProfile.init)
        taughtCodes = self.measures.mapValues { $0.teaches.compactMap(\.code) }
        let nodeLabels = Dictionary(
            frameworks.flatMap { $0.nodes.map { ($0.code, $0.label) } }, uniquingKeysWith: { first, _ in first })
        index = InvertedIndex(
            documents: measures.map { measure in
                SearchDocument(
                    identifier: measure.identifier,
                    fields: [
                        "name": measure.name, "keywords": measure.keywordValues.joined(separator: " "),
                        "teaches": measure.teaches.map { [$0.name, $0.code.flatMap { nodeLabels[$0] }].compactMap { $0 }.joined(separator: " ") }
                            .joined(separator: " "),
                        "description": measure.description, "audience": measure.audience ?? "",
                        "provider": measure.provider.name,
                    ])
            }, fields: Configuration.fields, analyzer: analyzer)
        self.synonyms = synonyms.map { group in
            group.terms.map { (surface: $0, terms: analyzer.terms($0).map(\.term)) }.filter { !$0.terms.isEmpty }
        }
        translations = EnglishNorwegianLexicon.entries.map { english, norwegian in
            (Tokenizer.words(english), analyzer.terms(norwegian).map(\.term))
        }.sorted { $0.phrase.count > $1.phrase.count }
        concepts = ConceptIndex(frameworks: frameworks, synonyms: synonyms, measures: measures)
    }

    /// The weighted query terms of a need: its words, their synonyms, English translations, compound parts.
    func queryTerms(for text: String, understanding: NeedUnderstanding) -> [QueryTerm] {
        let constraintWords = Set(understanding.constraints.flatMap { Tokenizer.words($0.words) })
        var terms: [QueryTerm] = []
        for term in index.queryTerms(text) {
            var term = term
            if constraintWords.contains(term.origin) { term.weight *= Configuration.constraintWordWeight }
            if RequestWords.contains(term.origin) { term.weight *= Configuration.requestWordWeight }
            terms.append(term)
        }
        let words = Tokenizer.words(text)
        // English words and phrases bring their Norwegian translations.
        for (phrase, translated) in translations where !phrase.isEmpty && words.containsSequence(phrase) {
            let origin = phrase.joined(separator: " ")
            let weight = phrase.allSatisfy(constraintWords.contains) ? Configuration.constraintWordWeight : Configuration.translationWeight
            terms += translated.map { QueryTerm(term: $0, weight: weight, origin: origin) }
        }
        // Synonym groups: a group whose phrase occurs among the need's terms adds the group's other phrases.
        let present = terms.map(\.term)
        for group in synonyms {
            guard let hit = group.first(where: { present.containsSequence($0.terms) }) else { continue }
            for phrase in group where phrase.terms != hit.terms {
                let weight = Configuration.synonymWeight / Double(phrase.terms.count).squareRoot()
                terms += phrase.terms.map { QueryTerm(term: $0, weight: weight, origin: "\(hit.surface) ≈ \(phrase.surface)") }
            }
        }
        return terms
    }

    /// Ranks the catalogue for a need.
    /// - Parameters:
    ///   - dense: cosine similarities from an embedding model, when one is configured.
    ///   - allowed: a filter on measures (the page's facet filters).
    public func match(
        _ text: String, limit: Int, dense: [(identifier: String, score: Double)]? = nil,
        allowed: ((Measure) -> Bool)? = nil
    ) -> MatchResult {
        let understanding = NeedUnderstanding.read(text)
        let query = queryTerms(for: text, understanding: understanding)
        let isAllowed: (String) -> Bool = { id in allowed.map { filter in self.measures[id].map(filter) ?? false } ?? true }
        let lexical = index.scores(query, limit: 300, allowed: isAllowed)
        let nodes = concepts.nodes(for: text, queryTerms: query)
        var topical: [String: Double] = [:]
        var semantic: [String: Double] = [:]
        if let dense, !dense.isEmpty {
            let allowedDense = dense.filter { isAllowed($0.identifier) }
            for entry in allowedDense { semantic[entry.identifier] = entry.score }
            // Dense cosines cluster high; how far a score stands above the list's mean, in standard deviations,
            // carries the signal.
            let scores = allowedDense.map(\.score)
            let mean = scores.reduce(0, +) / Double(max(1, scores.count))
            let deviation = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, scores.count))).squareRoot()
            let fused = Fusion.normalisedScores([
                (weight: 1, scores: lexical.map { (identifier: $0.identifier, score: $0.score) }),
                (weight: Configuration.denseWeight, scores: allowedDense.map {
                    (identifier: $0.identifier, score: deviation > 0 ? max(0, ($0.score - mean) / deviation) : 0)
                }),
            ])
            for entry in fused { topical[entry.identifier] = entry.score }
        } else {
            for hit in lexical { topical[hit.identifier] = hit.score }
        }
        // Measures that build a framework node the need is about get a share of that node's score.
        let nodeCodes = Dictionary(nodes.map { ($0.node.code, $0.score) }, uniquingKeysWith: max)
        let best = max(topical.values.max() ?? 0, 0.000_001)
        // Scored without copying measures; only the hits that are returned are built in full.
        var scored: [(identifier: String, score: Double, relative: Double, fits: [(UnderstoodConstraint, ConstraintFit)], builds: [FrameworkNode])] = []
        scored.reserveCapacity(topical.count)
        for (identifier, rawScore) in topical {
            guard let profile = profiles[identifier] else { continue }
            let codes = taughtCodes[identifier] ?? []
            // A measure building a capability also builds what the need names inside it, and the reverse.
            let builds = nodes.filter { concept in
                codes.contains { code in
                    code == concept.node.code || concept.node.code.hasPrefix(code + ".") || code.hasPrefix(concept.node.code + ".")
                }
            }.map(\.node)
            let nodeBoost = builds.map { nodeCodes[$0.code] ?? 0 }.max() ?? 0
            let relative = min(1, rawScore / best + 0.1 * nodeBoost)
            var adjustment = 0.0
            var fits: [(UnderstoodConstraint, ConstraintFit)] = []
            for constraint in understanding.constraints {
                let fit = profile.evaluate(constraint.constraint)
                fits.append((constraint, fit))
                adjustment += Configuration.adjustment(for: constraint.constraint, fit: fit)
            }
            let score = max(0, relative * (1 + adjustment)) / (1 + Configuration.maximumBonus * Double(understanding.constraints.count))
            scored.append((identifier, score, relative, fits, builds))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.identifier < $1.identifier }
        var hits: [MatchHit] = scored.prefix(limit).compactMap { entry in
            measures[entry.identifier].map { measure in
                MatchHit(
                    measure: measure, score: entry.score, topicalScore: entry.relative, matchedTerms: [], fits: entry.fits,
                    nodes: entry.builds, semanticScore: semantic[entry.identifier])
            }
        }
        for position in hits.indices {
            hits[position].matchedTerms = index.explain(hits[position].measure.identifier, query: query).children
        }
        let queryWords = Set(query.filter { $0.weight >= 1 }.map(\.term))
        let bestCoverage = hits.first.map { hit in
            Double(Set(hit.matchedTerms.compactMap { $0.description.components(separatedBy: " → ").last }).intersection(queryWords).count)
                / Double(max(1, queryWords.count))
        } ?? 0
        let weak = hits.isEmpty || (bestCoverage < Configuration.weakCoverage && semantic.isEmpty)
        return MatchResult(
            understanding: understanding, concepts: nodes, hits: hits, isWeak: weak)
    }
}

/// The outcome of matching one need.
public struct MatchResult: Sendable {
    /// What was understood of the need.
    public var understanding: NeedUnderstanding
    /// Framework nodes the need concerns, best first.
    public var concepts: [ConceptMatch]
    /// Ranked measures.
    public var hits: [MatchHit]
    /// True when no measure matches the need well: the page says so instead of pretending.
    public var isWeak: Bool
}

extension Array where Element: Equatable {
    /// True when `sequence` occurs as a contiguous run.
    func containsSequence(_ sequence: [Element]) -> Bool {
        guard !sequence.isEmpty, sequence.count <= count else { return false }
        for start in 0...(count - sequence.count) where self[start] == sequence[0] {
            if Array(self[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }
}
