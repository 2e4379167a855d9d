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
    /// The need's own words (not its wishes) that the measure matches, in the order they matter most.
    public var topicWords: [String] = []

    /// One plain Norwegian sentence a leader can read: what of the need it covers, which wishes it meets, which it
    /// does not, and whether the fit is unknown. The term detail is in ``why``.
    public var summary: String {
        var sentences: [String] = []
        if !topicWords.isEmpty {
            sentences.append("Handler om " + Self.list(topicWords.prefix(3).map { "«\($0)»" }) + ".")
        } else if semanticScore != nil {
            sentences.append("Ligner behovet i innhold.")
        }
        let met = fits.filter { $0.fit == .met }.map(\.constraint.label)
        let violated = fits.filter { $0.fit == .violated }.map(\.constraint.label)
        let unknown = fits.filter { $0.fit == .unknown }.map(\.constraint.label)
        if !met.isEmpty { sentences.append("Oppfyller " + Self.list(met) + ".") }
        if !violated.isEmpty { sentences.append("Oppfyller ikke " + Self.list(violated) + ".") }
        if !unknown.isEmpty { sentences.append("Ukjent: " + Self.list(unknown) + ".") }
        if let node = nodes.first { sentences.append("Bygger \(node.label) (\(node.code)).") }
        return sentences.joined(separator: " ")
    }

    /// "a", "a og b", "a, b og c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " og " + items[items.count - 1]
    }

    /// A one-line Norwegian reason: which words, which fields, which constraints, which nodes.
    public var why: String {
        var parts: [String] = []
        // One entry per word of the need, with every field it was found in.
        var order: [String] = []
        var fieldsByOrigin: [String: Set<String>] = [:]
        for explanation in matchedTerms {
            let origin = explanation.quotedOrigin
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
            let isSoft = !isHard(constraint)
            switch fit {
            case .met: return isSoft ? 0.08 : 0.15
            case .unknown: return isSoft ? -0.02 : -0.05
            case .violated: return isSoft ? -0.15 : -0.45
            }
        }
        /// Whether a constraint decides if a measure is usable at all (price, delivery, sector, language, credits),
        /// rather than what kind of measure is sought (format, audience, length). Only hard wishes are left out of
        /// a need's topic: "nettverk for ledere" asks for a network, "gratis … for kommuner" only narrows.
        public static func isHard(_ constraint: Constraint) -> Bool {
            switch constraint {
            case .format, .audience, .maximumHours: false
            case .free, .online, .sector, .language, .credits: true
            }
        }

        /// The largest bonus one constraint can give, used to keep final scores in 0…1.
        static let maximumBonus = 0.15
        /// Weight of the dense list in score fusion (the lexical list has weight 1).
        public static let denseWeight = 0.45
        /// Dense evidence counts only where a measure stands out: this many standard deviations above the mean
        /// similarity of the catalogue (cosines cluster high, so the bulk carries no signal).
        public static let denseStandout = 1.0
        /// Weight of the words of a node's capability when the node is matched as a need: they place the node, the
        /// node's own label says what it is.
        public static let capabilityWeight = 0.5
        /// A one-word node label found in more than this share of the catalogue's measures (and in at least
        /// ``commonWordMinimum`` of them) is common vocabulary, not the name of a node.
        public static let commonWordShare = 0.05
        /// See ``commonWordShare``.
        public static let commonWordMinimum = 3
        /// Weight of the words of a framework node's description when the node is matched as a need (context).
        public static let contextWeight = 0.3
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
    /// The catalogue in index order: position `i` in the index is `catalogue[i]`.
    let catalogue: [Measure]
    let profiles: [MeasureProfile]
    /// Per measure: the numbers of the nodes it builds and of their ancestors (see ``nodeNumbers``).
    let lineages: NumberLists
    /// Per measure: the numbers of the nodes it is tagged with.
    let taught: NumberLists
    /// Framework node codes (and codes measures are tagged with) numbered, so ranking compares integers.
    let nodeNumbers: [String: Int]
    /// Per measure: the rank of its identifier in sorted order, the tie-break between equal scores.
    let identifierRank: [Int]
    /// Nodes some measure builds: its tags and their ancestors, and the nodes below a tag.
    let buildableNodes: Set<Int>
    /// The column of each constraint a need can state in ``fitTable``.
    let fitColumns: [Constraint: Int]
    /// Every measure's fit to every readable constraint, worked out once: `fitTable[position · columns + column]`
    /// is 0 (met), 1 (unknown) or 2 (violated).
    let fitTable: [UInt8]
    let index: InvertedIndex
    let synonyms: [[(surface: String, terms: [String])]]
    /// Per synonym group, the origin shown for each (phrase found, phrase added) pair: "ki ≈ kunstig intelligens".
    let synonymOrigins: [[[String]]]
    /// Synonym groups by the first term of each of their phrases.
    let synonymGroupsByFirstTerm: [String: [Int]]
    let translations: [(phrase: [String], terms: [String])]
    /// Translations by the first word of their English phrase.
    let translationsByFirstWord: [String: [Int]]
    let concepts: ConceptIndex

    /// Builds the engine over a catalogue, the frameworks and the synonym groups.
    public init(measures: [Measure], frameworks: [Framework], synonyms: [SynonymGroup]) {
        let analyzer = Analyzer()
        var seen: Set<String> = []
        let catalogue = measures.filter { seen.insert($0.identifier).inserted }
        self.catalogue = catalogue
        self.measures = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.identifier, $0) })
        profiles = catalogue.map(MeasureProfile.init)
        let nodeLabels = Dictionary(
            frameworks.flatMap { $0.nodes.map { ($0.code, $0.label) } }, uniquingKeysWith: { first, _ in first })
        var nodeNumbers: [String: Int] = [:]
        for code in frameworks.flatMap({ $0.nodes.map(\.code) }) + catalogue.flatMap({ $0.teaches.compactMap(\.code) }) where nodeNumbers[code] == nil {
            nodeNumbers[code] = nodeNumbers.count
        }
        self.nodeNumbers = nodeNumbers
        let taughtLists = catalogue.map { $0.teaches.compactMap { $0.code.flatMap { nodeNumbers[$0] } } }
        let lineageLists = catalogue.map { measure in
            Array(Set(measure.teaches.compactMap(\.code).flatMap { Self.lineage(of: $0, in: nodeNumbers) }))
        }
        taught = NumberLists(taughtLists)
        lineages = NumberLists(lineageLists)
        let order = catalogue.indices.sorted { catalogue[$0].identifier < catalogue[$1].identifier }
        var identifierRank = [Int](repeating: 0, count: catalogue.count)
        for (rank, position) in order.enumerated() { identifierRank[position] = rank }
        self.identifierRank = identifierRank
        let taughtNumbers = Set(taughtLists.joined())
        buildableNodes = Set(lineageLists.joined()).union(
            nodeNumbers.filter { code, _ in Self.lineage(of: code, in: nodeNumbers).contains(where: taughtNumbers.contains) }.values)
        let readable = NeedUnderstanding.readableConstraints
        fitColumns = Dictionary(uniqueKeysWithValues: readable.enumerated().map { ($1, $0) })
        fitTable = profiles.flatMap { profile in readable.map { UInt8(Self.fitCode(profile.evaluate($0))) } }
        index = InvertedIndex(
            documents: catalogue.map { measure in
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
        let analysedSynonyms = synonyms.map { group in
            group.terms.map { (surface: $0, terms: analyzer.terms($0).map(\.term)) }.filter { !$0.terms.isEmpty }
        }
        self.synonyms = analysedSynonyms
        synonymOrigins = analysedSynonyms.map { group in group.map { hit in group.map { "\(hit.surface) ≈ \($0.surface)" } } }
        var groupsByTerm: [String: [Int]] = [:]
        for (number, group) in analysedSynonyms.enumerated() {
            for first in Set(group.compactMap(\.terms.first)) { groupsByTerm[first, default: []].append(number) }
        }
        synonymGroupsByFirstTerm = groupsByTerm
        let translations = EnglishNorwegianLexicon.entries.map { english, norwegian in
            (Tokenizer.words(english), analyzer.terms(norwegian).map(\.term))
        }.sorted { $0.0.count > $1.0.count }
        self.translations = translations
        var translationsByWord: [String: [Int]] = [:]
        for (number, entry) in translations.enumerated() {
            if let first = entry.0.first { translationsByWord[first, default: []].append(number) }
        }
        translationsByFirstWord = translationsByWord
        concepts = ConceptIndex(frameworks: frameworks, synonyms: synonyms, measures: catalogue)
    }

    /// The row of a fit in ``Ranking``'s score changes.
    static func fitCode(_ fit: ConstraintFit) -> Int {
        switch fit {
        case .met: 0
        case .unknown: 1
        case .violated: 2
        }
    }

    /// The numbers of a code and of its ancestors (`DI2X.T.1` → `DI2X.T.1`, `DI2X.T`, `DI2X`) that are known.
    static func lineage(of code: String, in numbers: [String: Int]) -> [Int] {
        var result: [Int] = []
        var prefix = Substring(code)
        while true {
            if let number = numbers[String(prefix)] { result.append(number) }
            guard let dot = prefix.lastIndex(of: ".") else { return result }
            prefix = prefix[..<dot]
        }
    }

    /// The weighted query terms of a need, and which of them carry its topic.
    struct QueryReading {
        /// Its words, their synonyms, English translations, compound parts.
        var terms: [QueryTerm]
        /// Index forms that come from what the need is about, not from a hard wish ("gratis", "nettkurs", "for
        /// kommuner") or a request word ("trenger"), nor from a synonym or translation of one.
        var topical: Set<String>
    }

    /// The weighted query terms of a need: its words, their synonyms, English translations, compound parts.
    func queryTerms(for text: String, understanding: NeedUnderstanding) -> QueryReading {
        let constraintWords = Set(understanding.constraints.flatMap { Tokenizer.words($0.words) })
        let hardWords = Set(
            understanding.constraints.filter { Configuration.isHard($0.constraint) }.flatMap { Tokenizer.words($0.words) })
        let words = Tokenizer.words(text)
        var terms: [QueryTerm] = []
        var topical: Set<String> = []
        for term in index.queryTerms(words: words) {
            var term = term
            let isRequest = RequestWords.contains(term.origin)
            if constraintWords.contains(term.origin) { term.weight *= Configuration.constraintWordWeight }
            if isRequest { term.weight *= Configuration.requestWordWeight }
            if !hardWords.contains(term.origin) && !isRequest { topical.insert(term.term) }
            terms.append(term)
        }
        // English words and phrases bring their Norwegian translations (longest phrases first, as listed).
        let possibleTranslations = Set(words.flatMap { translationsByFirstWord[$0] ?? [] }).sorted()
        for (phrase, translated) in possibleTranslations.map({ translations[$0] }) where words.containsSequence(phrase) {
            let origin = phrase.joined(separator: " ")
            let isConstraint = phrase.allSatisfy(constraintWords.contains)
            let weight = isConstraint ? Configuration.constraintWordWeight : Configuration.translationWeight
            terms += translated.map { QueryTerm(term: $0, weight: weight, origin: origin) }
            if !phrase.allSatisfy(hardWords.contains) { topical.formUnion(translated) }
        }
        // Synonym groups: a group whose phrase occurs among the need's terms adds the group's other phrases. A
        // synonym of a wish is a wish too ("nettkurs ≈ e-læring"), weighted and counted as one.
        let present = terms.map(\.term)
        let possibleGroups = Set(present.flatMap { synonymGroupsByFirstTerm[$0] ?? [] }).sorted()
        for number in possibleGroups {
            let group = synonyms[number]
            guard let hit = group.firstIndex(where: { present.containsSequence($0.terms) }) else { continue }
            let isTopical = group[hit].terms.contains(where: topical.contains)
            for (other, phrase) in group.enumerated() where phrase.terms != group[hit].terms {
                let weight =
                    Configuration.synonymWeight / Double(phrase.terms.count).squareRoot()
                    * (isTopical ? 1 : Configuration.constraintWordWeight)
                let origin = synonymOrigins[number][hit][other]
                terms += phrase.terms.map { QueryTerm(term: $0, weight: weight, origin: origin) }
                if isTopical { topical.formUnion(phrase.terms) }
            }
        }
        return QueryReading(terms: terms, topical: topical)
    }

    /// Ranks the catalogue for a need.
    /// - Parameters:
    ///   - dense: what an embedding model says about the measures, when one is configured.
    ///   - allowed: a filter on measures (the page's facet filters).
    public func match(
        _ text: String, limit: Int, dense: DenseEvidence? = nil,
        allowed: ((Measure) -> Bool)? = nil
    ) -> MatchResult {
        let understanding = NeedUnderstanding.read(text)
        let reading = queryTerms(for: text, understanding: understanding)
        let nodes = concepts.nodes(for: text, queryTerms: reading.terms)
        return rank(reading, understanding: understanding, nodes: nodes, limit: limit, dense: dense, allowed: allowed)
    }

    /// A framework node as a need. What the node is carries the topic: its label first, its capability's label
    /// after it (a bare verb such as "Overvåke" means something only under "Teknologisk fremsyn"). Its description
    /// only gives context: those words count little and never make a measure a fit on their own, so a gap
    /// "Beskytte" (cyber protection) is not answered with a course that shares "budsjett" with the description.
    public struct NodeNeed: Sendable {
        /// The node's code.
        public var code: String
        /// The node's label.
        public var label: String
        /// The label of the capability the node belongs to, if any.
        public var capability: String?
        /// The node's description.
        public var context: String

        /// Creates a node need.
        public init(code: String, label: String, capability: String?, context: String) {
            self.code = code
            self.label = label
            self.capability = capability
            self.context = context
        }

        /// The label and the capability's label, as the need is shown.
        public var topic: String { [label, capability].compactMap { $0 }.joined(separator: " ") }
    }

    /// Ranks the catalogue for a framework node (a gap). Nothing is read as a wish (a node states no price or
    /// format), and only fits are listed: a measure tagged with the node (or a node below it), or one whose own
    /// words contain the node's label or its capability's label whole, or a synonym phrase of either. A measure
    /// that shares a single common word ("rolle" of "Rolleforståelse", "teknologi" of "Teknologisk fremsyn") is
    /// not a fit, so a gap the catalogue has nothing for gets an empty list rather than a wrong one.
    public func match(node need: NodeNeed, limit: Int, dense: DenseEvidence? = nil) -> MatchResult {
        let understanding = NeedUnderstanding.read("")
        var reading = queryTerms(for: need.label, understanding: understanding)
        if let capability = need.capability {
            let broader = queryTerms(for: capability, understanding: understanding)
            for var term in broader.terms where !reading.topical.contains(term.term) {
                term.weight *= Configuration.capabilityWeight
                reading.terms.append(term)
            }
            reading.topical.formUnion(broader.topical)
        }
        for var term in index.queryTerms(words: Tokenizer.words(need.context)) where !reading.topical.contains(term.term) {
            term.weight *= Configuration.contextWeight
            reading.terms.append(term)
        }
        var nodes = concepts.nodes(for: need.topic, queryTerms: reading.terms).filter { $0.node.code != need.code }
        if let focus = concepts.match(code: need.code) { nodes.insert(focus, at: 0) }
        let ranked = rank(
            reading, understanding: understanding, nodes: nodes, limit: min(200, limit * 10), dense: dense, allowed: nil)
        let phrases = conceptPhrases([need.label] + (need.capability.map { [$0] } ?? []))
        let fitting = ranked.hits.filter { fits($0.measure, node: need.code, phrases: phrases) }
        // A measure tagged with another part of the same capability (a sibling node) and not with this one is
        // about that other part: it comes after the rest, in its own order.
        let aboutASibling = fitting.map { Self.isTaggedWithSibling($0.measure, of: need.code) }
        var result = ranked
        result.hits = Array((zip(fitting, aboutASibling).filter { !$0.1 } + zip(fitting, aboutASibling).filter { $0.1 }).map(\.0).prefix(limit))
        result.isWeak = result.hits.isEmpty
        return result
    }

    /// The analysed phrases that name the concepts of `texts`: each text itself and every phrase of a synonym group
    /// one of whose phrases it contains ("IT-orkestrering" brings "it-styring", "styring av it", …). A text of one
    /// common word is no name by itself: a word more than one in twenty measures use ("vurdere", "handle") says
    /// nothing about which node a measure builds, so it is left out (its synonyms still count).
    func conceptPhrases(_ texts: [String]) -> [[String]] {
        var phrases: [[String]] = []
        for text in texts {
            let terms = Analyzer().terms(text).map(\.term)
            guard !terms.isEmpty else { continue }
            let frequency = terms.count == 1 ? index.documentFrequency(terms[0]) : 0
            if frequency < Configuration.commonWordMinimum || Double(frequency) <= Double(index.documentCount) * Configuration.commonWordShare {
                phrases.append(terms)
            }
            for group in synonyms where group.contains(where: { terms.containsSequence($0.terms) }) {
                phrases += group.map(\.terms)
            }
        }
        return phrases
    }

    /// A text cut after each full stop, question or exclamation mark that a space or line break follows.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var start = text.startIndex
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if character == " " || character == "\n", ".!?".contains(previous) {
                sentences.append(String(text[start..<index]))
                start = index
            }
            previous = character
        }
        sentences.append(String(text[start...]))
        return sentences
    }

    /// Cues of a sentence that says who a measure is for, in bokmål, nynorsk and English.
    static let audienceCues = [
        " er for ", "passer for", "passar for", "rettet mot", "retta mot", "målgruppe", "beregnet på", "berekna på",
        "for deg som", "aimed at", "intended for", "designed for",
    ]

    /// Whether a sentence says who a measure is for ("Kurset er for IT-ledere, arkitekter …").
    static func namesAudience(_ sentence: String) -> Bool {
        let lowered = " " + sentence.lowercased() + " "
        return audienceCues.contains { lowered.contains($0) }
    }

    /// Whether a measure is tagged with a node that shares `code`'s parent, and not with `code` (or below it).
    static func isTaggedWithSibling(_ measure: Measure, of code: String) -> Bool {
        let parent = code.split(separator: ".").dropLast().joined(separator: ".")
        guard !parent.isEmpty else { return false }
        let codes = measure.teaches.filter { $0.origin != .suggested }.compactMap(\.code)
        let own = codes.contains { $0 == code || $0.hasPrefix(code + ".") }
        let sibling = codes.contains { $0 != code && $0.hasPrefix(parent + ".") && !$0.hasPrefix(code + ".") }
        return sibling && !own
    }

    /// Whether a measure is a fit for a node: tagged by its provider or an editor with the node or a node below it,
    /// or its own words (title, keywords, and the sentences of its description that do not say who it is for)
    /// contain one of the concept phrases whole, its words in order. A tag on the whole capability is too coarse
    /// to say it builds this part; a sentence naming the audience ("Kurset er for IT-ledere") is not what it builds.
    func fits(_ measure: Measure, node code: String, phrases: [[String]]) -> Bool {
        let tagged = measure.teaches.contains { term in
            guard term.origin != .suggested, let tag = term.code else { return false }
            return tag == code || tag.hasPrefix(code + ".")
        }
        if tagged { return true }
        // The measure's own words only: the names of its tags are tags, judged above.
        let about = Self.sentences(of: measure.description).filter { !Self.namesAudience($0) }
        let text = ([measure.name] + about + measure.keywordValues).joined(separator: " . ")
        // In order and next to each other: "ikt" and "ledelse" far apart in a text are not "IKT-ledelse".
        let words = Analyzer().terms(text).map(\.term)
        return phrases.contains { words.containsSequence($0) }
    }

    /// The shared ranking of ``match(_:limit:dense:allowed:)`` and ``match(node:limit:dense:)``.
    private func rank(
        _ reading: QueryReading, understanding: NeedUnderstanding, nodes: [ConceptMatch], limit: Int, dense: DenseEvidence?,
        allowed: ((Measure) -> Bool)?
    ) -> MatchResult {
        let query = reading.terms
        let prepared = index.prepare(query)
        // Only measures that match the topic count; the need's wishes then add to them (see `topicRequired`).
        let required: ((String) -> Bool)? = Self.topicRequired(prepared, topical: reading.topical)
        // Topical score per measure position; 0 means not a candidate.
        var topical: [Double]
        var semantic: [Int: Double] = [:]
        if let dense, !dense.standouts.isEmpty || !dense.similarity.isEmpty {
            let isAllowed: (String) -> Bool = { id in allowed.map { filter in self.measures[id].map(filter) ?? false } ?? true }
            let lexical = index.scores(prepared, limit: 300, allowed: isAllowed, requiring: required)
            for (identifier, similarity) in dense.similarity where isAllowed(identifier) {
                if let position = index.position(of: identifier) { semantic[position] = similarity }
            }
            let fused = Fusion.normalisedScores([
                (weight: 1, scores: lexical),
                (weight: Configuration.denseWeight, scores: dense.standouts.filter { isAllowed($0.identifier) }),
            ])
            topical = [Double](repeating: 0, count: catalogue.count)
            for entry in fused where entry.score > 0 {
                if let position = index.position(of: entry.identifier) { topical[position] = entry.score }
            }
        } else {
            topical = required.map { index.documentScores(prepared, requiring: $0) } ?? index.documentScores(prepared)
            if let allowed {
                for position in topical.indices where topical[position] > 0 && !allowed(catalogue[position]) { topical[position] = 0 }
            }
        }
        let ranking = Ranking(engine: self, understanding: understanding, nodes: nodes)
        let hits: [MatchHit] = ranking.best(limit, topical: topical).map { entry in
            let matched = index.explain(document: entry.position, prepared).children
            return MatchHit(
                measure: catalogue[entry.position], score: entry.score, topicalScore: entry.relative, matchedTerms: matched,
                fits: understanding.constraints.map { (constraint: $0, fit: profiles[entry.position].evaluate($0.constraint)) },
                nodes: ranking.builds(entry.position).map(\.node), semanticScore: semantic[entry.position],
                topicWords: Self.topicWords(matched, topical: reading.topical))
        }
        let queryWords = Set(query.filter { $0.weight >= 1 }.map(\.term))
        let bestCoverage = hits.first.map { hit in
            Double(Set(hit.matchedTerms.compactMap(\.term)).intersection(queryWords).count) / Double(max(1, queryWords.count))
        } ?? 0
        let weak = hits.isEmpty || (bestCoverage < Configuration.weakCoverage && semantic.isEmpty)
        return MatchResult(understanding: understanding, concepts: nodes, hits: hits, isWeak: weak)
    }
}

extension MatchEngine {
    /// The terms a measure must match to count, when a need has both a topic the index knows and wishes or request
    /// words: its topic terms. A measure that matches only the wishes matches nothing of the topic ("gratis
    /// nettkurs om personvern for kommuner" must not list a free online course on something else). `nil` for a
    /// need of topic only, or of wishes only (which keeps every measure).
    static func topicRequired(_ prepared: PreparedQuery, topical: Set<String>) -> ((String) -> Bool)? {
        guard prepared.hasTerm(where: topical.contains), prepared.hasTerm(where: { !topical.contains($0) }) else { return nil }
        return { topical.contains($0) }
    }

    /// The user's words behind the topical terms a measure matched, once each, strongest first.
    static func topicWords(_ matched: [ScoreExplanation], topical: Set<String>) -> [String] {
        var words: [String] = []
        for explanation in matched.sorted(by: { $0.value > $1.value }) {
            guard let term = explanation.term, topical.contains(term), let origin = explanation.origin else { continue }
            // A synonym or translation is named by the word the user wrote ("ki ≈ kunstig intelligens" → "ki").
            // The standard library's search: Foundation's bridged one cost half of ranking (make bench).
            let word = origin.firstRange(of: " ≈ ").map { String(origin[..<$0.lowerBound]) } ?? origin
            if !words.contains(word) { words.append(word) }
        }
        return words
    }

}

/// The final ordering of one match: topical score, framework-node boost and constraint adjustments.
///
/// A final score never exceeds `min(1, topical / best + node cap) · constraint cap`, so the measures with the
/// highest topical scores are scored first, and then only those whose bound still reaches the `limit`-th final
/// score found: the same ranking as scoring every candidate, at the cost of the few that can still compete.
struct Ranking {
    let engine: MatchEngine
    let nodes: [ConceptMatch]
    /// Per need node: its number, the numbers of its ancestors and its strength.
    private let nodeLineages: [(number: Int, lineage: [Int], score: Double)]
    /// Per stated constraint: its column in the engine's fit table (nil: evaluated from the profile) and the
    /// score change for met, unknown and violated.
    private let constraints: [(constraint: Constraint, column: Int?, changes: [Double])]
    /// The most the node boost can add, and the most the constraints can multiply a score by.
    private let nodeCap: Double
    private let constraintCap: Double
    private let normaliser: Double

    init(engine: MatchEngine, understanding: NeedUnderstanding, nodes: [ConceptMatch]) {
        self.engine = engine
        self.nodes = nodes
        nodeLineages = nodes.compactMap { concept in
            engine.nodeNumbers[concept.node.code].map {
                ($0, MatchEngine.lineage(of: concept.node.code, in: engine.nodeNumbers), concept.score)
            }
        }
        constraints = understanding.constraints.map { understood in
            let changes = [ConstraintFit.met, .unknown, .violated].map {
                MatchEngine.Configuration.adjustment(for: understood.constraint, fit: $0)
            }
            return (understood.constraint, engine.fitColumns[understood.constraint], changes)
        }
        // Only nodes some measure builds can boost anything.
        nodeCap = 0.1 * (nodeLineages.filter { engine.buildableNodes.contains($0.number) }.map(\.score).max() ?? 0)
        normaliser = 1 + MatchEngine.Configuration.maximumBonus * Double(constraints.count)
        constraintCap = (1 + constraints.map { $0.changes.max() ?? 0 }.reduce(0, +)) / normaliser
    }

    /// A measure building a capability also builds what the need names inside it, and the reverse.
    private func buildsNode(_ position: Int, _ node: (number: Int, lineage: [Int], score: Double)) -> Bool {
        engine.lineages.contains(node.number, in: position) || engine.taught.containsAny(of: node.lineage, in: position)
    }

    /// The need's framework nodes that the measure at `position` builds.
    func builds(_ position: Int) -> [ConceptMatch] {
        zip(nodes, nodeLineages).filter { buildsNode(position, $0.1) }.map(\.0)
    }

    /// The final score of the measure at `position` and its relative topical score (with the node boost).
    private func score(_ position: Int, topical: Double, best: Double) -> (score: Double, relative: Double) {
        var nodeBoost = 0.0
        if nodeCap > 0 {
            for node in nodeLineages where node.score > nodeBoost && buildsNode(position, node) { nodeBoost = node.score }
        }
        let relative = min(1, topical / best + 0.1 * nodeBoost)
        var adjustment = 0.0
        for constraint in constraints {
            let fit: Int
            if let column = constraint.column {
                fit = Int(engine.fitTable[position * engine.fitColumns.count + column])
            } else {
                fit = MatchEngine.fitCode(engine.profiles[position].evaluate(constraint.constraint))
            }
            adjustment += constraint.changes[fit]
        }
        return (max(0, relative * (1 + adjustment)) / normaliser, relative)
    }

    /// The `limit` best measures by final score (ties by identifier), from topical scores by position.
    func best(_ limit: Int, topical: [Double]) -> [(position: Int, score: Double, relative: Double)] {
        let best = Self.maximum(topical)
        guard limit > 0, best > 0 else { return [] }
        let rank = engine.identifierRank
        // The best so far, as a heap with the weakest on top: lower score, or the same score and a later identifier.
        var heap: [(position: Int, score: Double, relative: Double)] = []
        heap.reserveCapacity(limit)
        func weaker(_ a: Int, _ b: Int) -> Bool {
            heap[a].score != heap[b].score ? heap[a].score < heap[b].score : rank[heap[a].position] > rank[heap[b].position]
        }
        // A measure is scored only when its bound, (t / best + node cap) · constraint cap, reaches the weakest
        // kept score (a hair lower, so that rounding never drops one).
        var reach = Double.leastNonzeroMagnitude
        Self.positions(in: topical, atLeast: { reach }) { position, topical in
            let result = score(position, topical: topical, best: best)
            let entry = (position: position, score: result.score, relative: result.relative)
            if heap.count < limit {
                heap.append(entry)
                var child = heap.count - 1
                while child > 0, weaker(child, (child - 1) / 2) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else {
                let top = heap[0]
                guard entry.score > top.score || (entry.score == top.score && rank[position] < rank[top.position]) else { return }
                heap[0] = entry
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    var weakest = parent
                    if left < heap.count, weaker(left, weakest) { weakest = left }
                    if left + 1 < heap.count, weaker(left + 1, weakest) { weakest = left + 1 }
                    if weakest == parent { break }
                    heap.swapAt(parent, weakest)
                    parent = weakest
                }
            }
            if heap.count == limit {
                reach = max(Double.leastNonzeroMagnitude, (heap[0].score / constraintCap - nodeCap - 1e-9) * best)
            }
        }
        return heap.sorted { $0.score != $1.score ? $0.score > $1.score : rank[$0.position] < rank[$1.position] }
    }

    /// The largest value (0 for none), with four running maxima so the loop does not wait on one.
    static func maximum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { values in
            var maxima = (0.0, 0.0, 0.0, 0.0)
            var position = 0
            while position + 4 <= values.count {
                if values[position] > maxima.0 { maxima.0 = values[position] }
                if values[position + 1] > maxima.1 { maxima.1 = values[position + 1] }
                if values[position + 2] > maxima.2 { maxima.2 = values[position + 2] }
                if values[position + 3] > maxima.3 { maxima.3 = values[position + 3] }
                position += 4
            }
            while position < values.count {
                if values[position] > maxima.0 { maxima.0 = values[position] }
                position += 1
            }
            return max(max(maxima.0, maxima.1), max(maxima.2, maxima.3))
        }
    }

    /// Calls `body` with every position whose value is at least `floor()`; the floor is asked again after each
    /// call, since it rises as better measures are found.
    static func positions(in values: [Double], atLeast floor: () -> Double, _ body: (Int, Double) -> Void) {
        values.withUnsafeBufferPointer { values in
            var current = floor()
            for position in values.indices where values[position] >= current {
                body(position, values[position])
                current = floor()
            }
        }
    }
}

/// A list of numbers per position, flattened into one array (no array per position to retain while ranking).
struct NumberLists: Sendable {
    private let start: [Int]
    private let numbers: [Int]

    init(_ lists: [[Int]]) {
        var start = [0]
        start.reserveCapacity(lists.count + 1)
        for list in lists { start.append(start[start.count - 1] + list.count) }
        self.start = start
        numbers = Array(lists.joined())
    }

    /// True when `number` is in the list at `position`.
    func contains(_ number: Int, in position: Int) -> Bool {
        numbers[start[position]..<start[position + 1]].contains(number)
    }

    /// True when any of `candidates` is in the list at `position`.
    func containsAny(of candidates: [Int], in position: Int) -> Bool {
        numbers[start[position]..<start[position + 1]].contains { candidates.contains($0) }
    }
}

/// What an embedding model says about the measures for one need.
public struct DenseEvidence: Sendable {
    /// Measures that stand out from the catalogue's similarities, by how far (in standard deviations above the
    /// standout line), best first.
    public var standouts: [(identifier: String, score: Double)]
    /// Cosine similarity of each measure to the need (the asymmetric view), for explanations.
    public var similarity: [String: Double]

    /// Combines views of the catalogue's similarity to a need: each view is standardised over the catalogue, the
    /// views are averaged per measure and standardised again, and what lies more than
    /// ``MatchEngine/Configuration/denseStandout`` above the mean is evidence. Two views (need → passage, and
    /// need → passage read as a query) disagree on measures that only one of them likes, so their average
    /// picks out what both see.
    public init(views: [[(identifier: String, score: Double)]], limit: Int = 300) {
        similarity = Dictionary(views.first ?? [], uniquingKeysWith: { first, _ in first })
        var sums: [String: (total: Double, count: Int)] = [:]
        for view in views {
            for (identifier, score) in Self.standardised(view) {
                sums[identifier, default: (0, 0)].total += score
                sums[identifier, default: (0, 0)].count += 1
            }
        }
        let averaged = sums.map { (identifier: $0.key, score: $0.value.total / Double($0.value.count)) }
        let line = MatchEngine.Configuration.denseStandout
        var above: [(identifier: String, score: Double)] = []
        for entry in Self.standardised(averaged) where entry.score > line {
            above.append((identifier: entry.identifier, score: entry.score - line))
        }
        above.sort { $0.score != $1.score ? $0.score > $1.score : $0.identifier < $1.identifier }
        standouts = Array(above.prefix(limit))
    }

    /// Scores as standard deviations from their mean (all 0 when they do not vary).
    static func standardised(_ scores: [(identifier: String, score: Double)]) -> [(identifier: String, score: Double)] {
        let count = Double(max(1, scores.count))
        let mean = scores.reduce(0) { $0 + $1.score } / count
        let deviation = (scores.reduce(0) { $0 + ($1.score - mean) * ($1.score - mean) } / count).squareRoot()
        return scores.map { (identifier: $0.identifier, score: deviation > 0 ? ($0.score - mean) / deviation : 0) }
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
