import KompetanseDomain
import KompetanseSearch

/// Answers questions from the documents an asker may read, with page-exact verbatim citations, and refuses when
/// the documents do not support an answer. Works without any language model (extractive answers).
public struct Assistant: Sendable {
    /// Named, tuned constants.
    public enum Configuration {
        /// Share of the question's weighted words a cited sentence (with its neighbours) must contain.
        public static let minimumCoverage = 0.5
        /// A second sentence is added when it scores at least this share of the best and adds a question word.
        public static let secondSentenceShare = 0.6
        /// Score factor for a sentence that has (or lacks) the kind of answer asked for (a number, a date, a name).
        public static let answerKindBonus = 1.35
        public static let answerKindPenalty = 0.6
        /// Preference for the latest year when the question names none: up to this share of extra score.
        public static let recencyBonus = 0.25
        /// Sentences scored for each question before the answer is chosen.
        public static let sentencesConsidered = 60
        /// Score factor for a negated sentence ("X skal ikke være …") when the question is not negated: it answers
        /// only when nothing else does.
        public static let negationPenalty = 0.35
        /// Weight of the first part's words when the second part of a question is answered.
        public static let contextWeight = 0.4
        /// Score factor for a heading in capitals: it names a topic, it does not answer.
        public static let headingPenalty = 0.3
        /// Score factor for a sentence from a document of a type the question mentions without naming it as the
        /// source ("… sende årsrapporten …").
        public static let mentionedTypeBonus = 1.15
        /// When the best sentence is not supported by the question's words, this many next-best sentences are tried,
        /// as long as they score at least ``supportedCandidateShare`` of the best.
        public static let supportedCandidates = 10
        /// See ``supportedCandidates``.
        public static let supportedCandidateShare = 0.4
        /// Score factor for a sentence that states a target when the question asks what happened, and for one that
        /// states a target when the question asks for the target.
        public static let targetForResultPenalty = 0.55
        public static let targetBonus = 1.2
        /// Score factor for a sentence that names, within its first ``definitionOpening`` words, what a "hva er X"
        /// question asks about.
        public static let definitionBonus = 1.3
        public static let definitionOpening = 4
        /// Weight of the Norwegian words an English question is read as.
        public static let translationWeight = 0.9
        /// How many lines after a lead-in ending with a colon are read as its list.
        public static let listLines = 12
    }

    /// Whether answers carry a trace of how they were reached (``Answer/trace``).
    public var tracing = false
    /// Groups of words and phrases that mean the same in the domain ("informasjonssikkerhet", "IKT-sikkerhet",
    /// "cybersikkerhet"): the concept synonyms matching uses, so a question in one word meets a document in another.
    public var concepts: [[String]] = []

    /// Creates an assistant.
    public init(tracing: Bool = false, concepts: [[String]] = []) {
        self.tracing = tracing
        self.concepts = concepts
    }

    /// Answers a question from a library. A question in two parts ("Hvor mye …, og hva var grunnen?") is answered
    /// part by part, the second part within the documents that answered the first; the answer is refused only when
    /// the first part is.
    public func answer(_ question: String, library: DocumentLibrary) -> Answer {
        let parts = Self.parts(of: question)
        let first = answerPart(parts[0], library: library, within: nil)
        guard parts.count > 1, !first.refused else { return first }
        var answer = first
        for part in parts.dropFirst() {
            // "… og hva var grunnen?" has no words of its own to search with: the reason is looked for next to
            // the facts already cited.
            if Reason.asks(part), Tokenizer.words(part).count <= 5 {
                answer.citations += Self.reasons(after: answer.citations, library: library)
                continue
            }
            // "…, og hva var verdien?" asks for the number the first part's answer already gives.
            if Self.asksOnlyForTheValue(part), answer.citations.contains(where: { Self.hasQuantity($0.quote) }) {
                continue
            }
            // The later part asks something else: what already answered the first part is not its answer. It is
            // looked for in the first part's documents, and where they do not answer it, in all of them ("…, og hva
            // var den opprinnelige fristen?" may be answered by the letter that moved the deadline).
            let excluding = Set(answer.citations.map { "\($0.document)|\($0.page)|\($0.quote)" })
            var more = answerPart(
                part, library: library, within: Set(first.citations.map(\.document)), context: parts[0],
                excluding: excluding)
            answer.trace += ["del: " + part] + more.trace + (more.reason.map { ["avslag for delen: " + $0] } ?? [])
            if more.refused {
                more = answerPart(part, library: library, within: nil, context: parts[0], excluding: excluding)
                answer.trace +=
                    ["del i alle dokumenter: " + part] + more.trace
                    + (more.reason.map { ["avslag for delen: " + $0] } ?? [])
            }
            guard !more.refused else { continue }
            for citation in more.citations where !answer.citations.contains(citation) {
                answer.citations.append(citation)
            }
        }
        answer.citations.sort { ($0.document, $0.page) < ($1.document, $1.page) }
        answer.text = answer.citations.map(\.quote).joined(separator: " ")
        return answer
    }

    /// Splits "A, og hva/når/hvem … B?" into its questions; the second part keeps the first's words it lacks a
    /// subject for by being answered within the first part's documents.
    static func parts(of question: String) -> [String] {
        let interrogatives = [
            "hva", "hvem", "når", "hvor", "hvorfor", "hvilken", "hvilket", "hvilke", "kva", "kven", "kor", "kvifor",
            "what", "when",
            "who", "why", "how", "which",
        ]
        for marker in [", og ", " og ", ", and ", " and "] {
            guard let range = question.range(of: marker, options: .backwards) else { continue }
            let rest = question[range.upperBound...]
            let restWords = rest.split(separator: " ")
            guard let next = restWords.first else { continue }
            // "…, og hvor mye …?" asks again, also after a preposition ("…, og fra hvilken dato …?"); so does "…, og
            // nådde etaten målet?", a yes/no question led by its verb.
            let prepositions: Set<String> = [
                "fra", "frå", "til", "i", "på", "for", "med", "innen", "innan", "from", "by", "in", "on",
            ]
            let afterPreposition =
                restWords.count >= 2 && prepositions.contains(next.lowercased())
                && interrogatives.contains(restWords[1].lowercased())
            let asksAgain =
                interrogatives.contains(next.lowercased()) || afterPreposition
                || (marker == ", og " && question.hasSuffix("?") && Self.isLeadingVerb(String(next))
                    && rest.split(separator: " ").count >= 2)
            guard asksAgain else { continue }
            let head = String(question[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            guard head.split(separator: " ").count >= 4 else { continue }
            return [head + "?", String(rest)]
        }
        return [question]
    }

    /// Whether a later part asks only for the value of what the first found: "hva var verdien/skåren/andelen?",
    /// "og hvor mange var det?" — no word of its own beyond question words and the quantity.
    static func asksOnlyForTheValue(_ part: String) -> Bool {
        let words = Tokenizer.words(part)
        let own = words.filter { word in
            !QuestionFrame.contains(word) && !QuestionUnderstanding.quantityNouns.contains(word)
                && !["var", "er", "ble", "vart", "det", "den", "de", "dei", "was", "is", "it", "the"].contains(word)
        }
        return !words.isEmpty && own.isEmpty
    }

    /// Finite verbs that lead a yes/no question ("nådde", "ble", "fikk", "har", "var"): a lower-case word in the
    /// past tense (-te, -de, -dde, -et) or one of the common auxiliaries.
    static func isLeadingVerb(_ word: String) -> Bool {
        let auxiliaries: Set<String> = [
            "er", "var", "ble", "blei", "vart", "har", "hadde", "fikk", "fekk", "kom", "skal", "skulle", "kan", "kunne",
            "vil",
            "ville", "må", "did", "was", "were", "has", "have", "is", "are",
        ]
        guard word.first?.isLowercase == true else { return false }
        return auxiliaries.contains(word)
            || ["te", "de", "dde", "et"].contains { word.count > 4 && word.hasSuffix($0) }
    }

    /// Answers one question; `within` and `context` are set for the later part of a two-part question: its
    /// documents are the ones that answered the first part, whose words keep it on topic ("når skal den …").
    /// The question is read once (``read(_:library:within:context:excluding:)``); then the rules for tables,
    /// the nth item of a list and lists are tried in order, and a sentence answers when none of them does.
    func answerPart(
        _ question: String, library: DocumentLibrary, within: Set<String>?, context: String? = nil,
        excluding: Set<String> = []
    ) -> Answer {
        let reading: PartReading
        switch read(question, library: library, within: within, context: context, excluding: excluding) {
        case .refused(let refusal): return refusal
        case .reading(let read): reading = read
        }
        let trace = tracing ? Self.trace(of: reading) : []
        for rule in Self.rules {
            if let answer = rule.answer(self, reading) {
                return traced(answer, trace + [rule.name + ": \(answer.citations.count) sitater"])
            }
        }
        return sentenceAnswer(reading, trace: trace)
    }

    /// The rules tried before a single sentence answers, in order: a table row, the nth item of a list, a list.
    static let rules: [(name: String, answer: @Sendable (Assistant, PartReading) -> Answer?)] = [
        (
            "tabell",
            { assistant, reading in
                assistant.tableAnswer(
                    reading.question, kind: reading.understanding.answerKind, ranked: reading.ranked.map(\.position),
                    terms: reading.terms, library: reading.library)
            }
        ),
        (
            "punkt i en liste",
            { assistant, reading in
                ListAnswer.ordinal(in: reading.question).flatMap { place in
                    assistant.listItemAnswer(
                        reading.ranked.map(\.position), place: place, terms: reading.terms, library: reading.library)
                }
            }
        ),
        (
            "liste",
            { assistant, reading in
                let list = ListAnswer.asks(reading.question)
                guard list.isList else { return nil }
                return assistant.listAnswer(
                    reading.ranked.map { ($0.position, $0.score) }, count: list.count,
                    noun: ListAnswer.itemNoun(in: reading.question),
                    terms: reading.terms, library: reading.library)
            }
        ),
        (
            "liste under en overskrift",
            { assistant, reading in
                let list = ListAnswer.asks(reading.question)
                guard list.isList else { return nil }
                return AnnouncedList.items(reading.ranked.map(\.position), count: list.count, in: reading.library)
                    .flatMap { Assistant.citing($0, library: reading.library) }
            }
        ),
    ]

    /// The outcome of reading a question part: what it asks and the ranked sentences, or a refusal already.
    enum PartOutcome {
        case reading(PartReading)
        case refused(Answer)
    }

    /// Reads one part of a question: what it asks for, the documents that may answer (year, source type and
    /// publisher, the first part's documents), its weighted terms, and the sentences ranked by score and by the
    /// answer-kind, target/result, definition, type and recency preferences.
    func read(
        _ question: String, library: DocumentLibrary, within: Set<String>?, context: String?, excluding: Set<String>
    ) -> PartOutcome {
        let documents = Array(library.documents.values)
        let types = Array(Set(documents.map(\.documentType))).sorted()
        // An English question is also read through its Norwegian words; a Norwegian one has none.
        let (norwegian, translatedWords) = EnglishQuestion.reading(question)
        let understanding = QuestionUnderstanding.read(
            norwegian.isEmpty ? question : question + " " + norwegian, knownTypes: types)
        var candidates = documents
        // A document counts for a year it is about, one its title spans ("Strategi 2025–2030") or one its first page
        // says it covers ("evaluerer programmet for årene 2023 og 2024", see `DocumentScope`); a document about
        // another year counts only through a sentence that names the year ("I 2024 var andelen 21 prosent" in the
        // report for 2025), see `yearSupported` below.
        let ofTheYear: Set<String> =
            understanding.years.isEmpty
            ? []
            : Set(
                candidates.filter { document in
                    // A stated scope replaces the publication year: an evaluation of 2023–2024 published in 2025 is
                    // not about 2025.
                    let scope = DocumentScope.years(of: document)
                    return understanding.years.contains(document.year) && scope.isEmpty
                        || understanding.years.contains { document.title.contains(String($0)) }
                        || !scope.isDisjoint(with: understanding.years)
                }.map(\.identifier))
        if !understanding.documentTypes.isEmpty {
            let typed = candidates.filter { understanding.documentTypes.contains($0.documentType) }
            if !typed.isEmpty { candidates = typed }
        }
        // "Hva sier Statistisk sentralbyrå om …": only that publisher's documents count, when it has any. A
        // publisher named as what the question is about ("bevilgningen til Demoetaten") limits nothing: the letter
        // that grants it comes from the ministry.
        let named = QuestionUnderstanding.publishers(
            in: question, known: Array(Set(documents.map(\.publisher))).sorted())
        let publishers = named.filter { QuestionUnderstanding.namesAsSource($0, in: question) }
        // The organisations the question is about: an answer must be about them too (Havøy's sick leave is not
        // Solberg's), by its document's publisher or title, or by naming them on the page near it.
        let subjects = named.filter { !publishers.contains($0) }
        if !publishers.isEmpty {
            let published = candidates.filter { publishers.contains($0.publisher) }
            if !published.isEmpty { candidates = published }
        }
        if let within { candidates = candidates.filter { within.contains($0.identifier) } }
        let contextTerms = (context.map(library.queryTerms) ?? []).map { term -> QueryTerm in
            var term = term
            term.weight = min(term.weight, Configuration.contextWeight)
            return term
        }
        let translated =
            norwegian.isEmpty
            ? []
            : library.queryTerms(norwegian).map { term -> QueryTerm in
                var term = term
                term.weight *= Configuration.translationWeight
                return term
            }
        // An English word with a Norwegian translation is looked for mostly through the translation: a Norwegian
        // document never holds it, and it must not dilute the support the translation finds.
        let english = library.queryTerms(question).map { term -> QueryTerm in
            var term = term
            if translatedWords.contains(term.origin) { term.weight *= QuestionFrame.weight }
            return term
        }
        let own = english + translated
        let readings = library.compoundReadings(of: own)
        // A date the question gives points to the document ("etter møtet 11. september 2025"); when a date is asked
        // for, its words must not draw other dates of the same month to the top.
        let givenDates = GivenDates.dates(in: question)
        let givenDateWords = understanding.answerKind == .date ? Set(givenDates.flatMap(Tokenizer.words)) : []
        let synonyms = Self.questionSynonyms(question, library: library) + conceptTerms(own, library: library)
        // "Hvilke tre barrierer …": the number of items says how many, not what about.
        let countWords =
            ListAnswer.asks(question).count == nil
            ? [] : Set(Tokenizer.words(question).prefix(6).filter { ListAnswer.counts[$0] != nil })
        let terms = (own + readings + synonyms + contextTerms).map { term -> QueryTerm in
            var term = term
            if countWords.contains(term.origin) { term.weight *= QuestionFrame.weight }
            if term.origin.count == 4, Int(term.origin) != nil { term.weight *= 0.5 }
            if givenDateWords.contains(term.origin) { term.weight = min(term.weight, GivenDates.weight) }
            return term
        }
        guard !candidates.isEmpty, !terms.isEmpty else {
            return .refused(
                refusal(
                    library: library, terms: terms,
                    reason: "ingen dokumenter passer til årstallet eller dokumenttypen i spørsmålet"))
        }
        let allowed = Set(candidates.map(\.identifier))
        let questionWords = Set(Tokenizer.words(question).compactMap { Analyzer().term(for: $0) })
        let questionNegated = Negation.isNegated(question: question)
        let yearWords = Set(understanding.years.map(String.init))
        var hits = library.search(terms, limit: Configuration.sentencesConsidered, allowedDocuments: allowed)
            .filter { !InstructionFilter.isInstruction($0.sentence.text) }
            .filter {
                excluding.isEmpty
                    || !excluding.contains("\($0.sentence.document)|\($0.sentence.page)|\($0.sentence.text)")
            }
        // The question's words without its years, which the year check itself takes care of.
        let topicTerms = terms.filter { !yearWords.contains($0.origin) }
        if !yearWords.isEmpty {
            hits = hits.filter { hit in
                // A sentence that names other years and not the one asked about is about those years ("Programmet
                // kostet … i 2024" does not say what it cost in 2025), whatever year its document is about.
                let named = Self.yearsNamed(at: hit.position, library: library)
                guard named.isEmpty || !named.isDisjoint(with: yearWords) else { return false }
                // In a document about another year, the sentence that names the year must carry the question alone:
                // "Det er samme nivå som i 2022" says nothing about what was at that level.
                return ofTheYear.contains(hit.sentence.document)
                    || !named.isEmpty
                        && library.coverage(of: hit.position, terms: topicTerms, reach: 0)
                            >= Configuration.minimumCoverage
            }
        }
        if !subjects.isEmpty {
            hits = hits.filter { Self.isAbout(subjects, at: $0.position, library: library) }
            guard !hits.isEmpty else {
                return .refused(
                    refusal(
                        library: library, terms: terms,
                        reason: "ingen setning handler om \(subjects.joined(separator: ", "))"))
            }
        }
        guard let best = hits.first?.score, best > 0 else {
            return .refused(
                refusal(library: library, terms: terms, reason: "ingen setning inneholder ordene i spørsmålet"))
        }
        let years = candidates.map(\.year)
        let (minimumYear, maximumYear) = (years.min() ?? 0, years.max() ?? 0)
        let asked = TargetOrResult.asks(question)
        let asksForReason = Reason.asks(question)
        let startingYears = StartingYear.years(in: question)
        // For "hva er / kjennetegner X": the question's rarest words, which a sentence about X names at its start.
        let definitionTerms: Set<String> =
            Definition.asks(question)
            ? Set(
                terms.filter { $0.weight >= 0.8 }.sorted { library.idf($0.term) > library.idf($1.term) }.prefix(2).map(
                    \.term)) : []
        let ranked = hits.map { hit -> PartReading.Ranked in
            let hasKind =
                Self.contains(understanding.answerKind, in: hit.sentence.text, excluding: questionWords)
                && (understanding.answerKind != .date
                    || GivenDates.namesAnotherDate(hit.sentence.text, given: givenDates))
            var score = hit.score / best
            if Self.isHeading(hit.sentence.text) { score *= Configuration.headingPenalty }
            // A step or point whose opening sentence denies ("- Gevinstene følges ikke opp. Rapporteringen stopper …")
            // describes what goes wrong, as a negated sentence does.
            if !questionNegated,
                Negation.deniesItsFact(hit.sentence.text)
                    || ListAnswer.itemStart(of: hit.position, in: library).map({
                        Negation.deniesItsFact(library.sentences[$0].text)
                    }) == true
            {
                score *= Configuration.negationPenalty
            }
            if understanding.answerKind != .statement {
                score *= hasKind ? Configuration.answerKindBonus : Configuration.answerKindPenalty
            }
            if let asked, Self.isTableRow(hit.position, library: library) == false {
                let target = TargetOrResult.statesTarget(hit.sentence.text)
                if asked == .result, target { score *= Configuration.targetForResultPenalty }
                if asked == .target, target { score *= Configuration.targetBonus }
            }
            if asksForReason {
                if Reason.isGiven(at: hit.position, library: library) {
                    score *= Reason.bonus
                } else if !Reason.isFollowed(at: hit.position, library: library) {
                    score *= Reason.endOfSectionPenalty
                }
            }
            if !startingYears.isEmpty,
                !Self.yearsNamed(at: hit.position, library: library).isDisjoint(with: startingYears)
            {
                score *= StartingYear.bonus
            }
            if !definitionTerms.isEmpty, Definition.startsWith(definitionTerms, hit.sentence.text, library: library) {
                score *= Configuration.definitionBonus
            }
            if !understanding.mentionedTypes.isEmpty, let type = library.documents[hit.sentence.document]?.documentType,
                understanding.mentionedTypes.contains(type)
            {
                score *= Configuration.mentionedTypeBonus
            }
            if understanding.years.isEmpty, maximumYear > minimumYear,
                let year = library.documents[hit.sentence.document]?.year
            {
                score *= 1 + Configuration.recencyBonus * Double(year - minimumYear) / Double(maximumYear - minimumYear)
            }
            return (hit.sentence, hit.position, score, hasKind)
        }.sorted { $0.score > $1.score }
        return .reading(
            PartReading(
                question: question, understanding: understanding, terms: terms, questionWords: questionWords,
                asked: asked,
                ranked: ranked, followsUp: within != nil && understanding.answerKind != .statement, library: library))
    }

    /// The trace of a reading: the terms, what was understood, the best sentences with score and support.
    static func trace(of reading: PartReading) -> [String] {
        let library = reading.library
        let terms = reading.terms
        let understanding = reading.understanding
        let ranked = reading.ranked
        var trace: [String] = []
        do {
            trace.append(
                "ord: "
                    + terms.map { "\($0.term) \(Self.decimal($0.weight))·idf \(Self.decimal(library.idf($0.term)))" }
                    .joined(separator: ", "))
            trace.append(
                "forstått: \(understanding.answerKind), år \(understanding.years), kilde \(understanding.documentTypes), nevnt \(understanding.mentionedTypes)"
            )
            for candidate in ranked.prefix(8) {
                let covered = library.coverage(of: candidate.position, terms: terms)
                trace.append(
                    "\(Self.decimal(candidate.score)) dekning \(Self.decimal(covered)) \(candidate.sentence.document) s. \(candidate.sentence.page): "
                        + candidate.sentence.text.prefix(160).split(separator: "\n").joined(separator: " "))
            }
        }
        return trace
    }

    /// The answer a single sentence gives (with what belongs to it: the item list after a colon, the target after
    /// a parameter, a table's header, the line of a superlative, the grounds of a decision), or a refusal naming
    /// the check it failed.
    func sentenceAnswer(_ reading: PartReading, trace: [String]) -> Answer {
        let library = reading.library
        let terms = reading.terms
        let understanding = reading.understanding
        let ranked = reading.ranked
        let followsUp = reading.followsUp
        let documents = Array(library.documents.values)
        // The best-scored sentence that the question's words support (with its neighbours and its document's
        // title): a heading that shares many words can outscore the sentence that answers, without covering it.
        var top = ranked[0]
        var coverage = library.coverage(of: top.position, terms: terms)
        if !followsUp, coverage < Configuration.minimumCoverage {
            for candidate in ranked.dropFirst().prefix(Configuration.supportedCandidates)
            where candidate.score >= ranked[0].score * Configuration.supportedCandidateShare {
                let covered = library.coverage(of: candidate.position, terms: terms)
                if covered >= Configuration.minimumCoverage {
                    top = candidate
                    coverage = covered
                    break
                }
            }
        }
        guard followsUp || coverage >= Configuration.minimumCoverage else {
            return traced(
                refusal(
                    library: library, terms: terms,
                    reason:
                        "den beste setningen dekker bare \(Int((coverage * 100).rounded())) % av spørsmålets viktige ord"
                ), trace)
        }
        var chosen = extended(top, reading)
        let topTerms = matchedTerms(top.position, library: library, terms: terms)
        if let failed = failedCheck(chosen, reading) {
            return traced(refusal(library: library, terms: terms, reason: failed), trace)
        }
        if chosen.count == 1,
            let second = ranked.dropFirst().first(where: { candidate in
                candidate.score >= top.score * Configuration.secondSentenceShare
                    && candidate.sentence.document == top.sentence.document
                    && !matchedTerms(candidate.position, library: library, terms: terms).subtracting(topTerms).isEmpty
            })
        {
            chosen.append(second)
        }
        // A term the answer uses and the next sentence defines ("For stor tekst …" / "Stor tekst er …") is read
        // with its definition.
        if let last = chosen.map(\.position).max(), let next = library.nextOnPage(after: last),
            Definition.defines(library.sentences[next].text, termUsedIn: library.sentences[last].text)
        {
            chosen.append((library.sentences[next], next, top.score, true))
        }
        chosen.sort { ($0.sentence.page, $0.sentence.start) < ($1.sentence.page, $1.sentence.start) }
        var seen: Set<Int> = []
        chosen = chosen.filter { seen.insert($0.position).inserted }
        let verifier = CitationVerifier(readable: documents)
        let citations = chosen.map {
            Citation(document: $0.sentence.document, page: $0.sentence.page, quote: $0.sentence.text)
        }
        .filter(verifier.isVerbatim)
        guard !citations.isEmpty else {
            return traced(
                refusal(library: library, terms: terms, reason: "sitatet kunne ikke bekreftes ordrett"), trace)
        }
        // When the question names no year, the latest document answers; other years with a strong hit are named.
        var related: [DocumentReference] = []
        if understanding.years.isEmpty {
            var seen: Set<String> = Set(citations.map(\.document))
            for hit in ranked.prefix(10)
            where hit.score >= top.score * 0.5 && seen.insert(hit.sentence.document).inserted {
                if let document = library.documents[hit.sentence.document],
                    document.year != library.documents[top.sentence.document]?.year
                {
                    related.append(
                        DocumentReference(identifier: document.identifier, title: document.title, year: document.year))
                }
            }
        }
        return traced(
            Answer(
                text: citations.map(\.quote).joined(separator: " "), refused: false, citations: citations,
                related: related), trace)
    }

    /// The chosen sentence with what belongs to it: the items after a colon, the value after a lead-in, a table
    /// row's caption and header, the extreme line of a "label: number" list, the grounds after a decision.
    func extended(_ top: PartReading.Ranked, _ reading: PartReading) -> [PartReading.Ranked] {
        let library = reading.library
        let understanding = reading.understanding
        let ranked = reading.ranked
        let question = reading.question
        let questionWords = reading.questionWords
        let asked = reading.asked
        var chosen = [top]
        // "Styret anbefaler at nettverket prioriterer:" answers with the list that follows it.
        if understanding.answerKind == .statement, top.sentence.text.hasSuffix(":") {
            let items = ListAnswer.items(after: top.position, count: nil, in: library)
            chosen += items.map { (library.sentences[$0], $0, top.score, true) }
        }
        // A sentence inside a numbered step ("4. Realisere og følge opp. Gevinsteieren rapporterer …") is read with
        // the step's earlier sentences.
        if understanding.answerKind == .statement, let start = ListAnswer.itemStart(of: top.position, in: library) {
            chosen = (start..<top.position).map { (library.sentences[$0], $0, top.score, true) } + chosen
        }
        // A heading or lead-in ("Styringsparameter 1.1: Antall ledere …") is answered by what follows: the next
        // sentence on the same page, or the one after, whichever holds the kind of answer asked for.
        if Self.isLeadIn(top.sentence.text) {
            for offset in 1...2 where top.position + offset < library.sentences.count {
                let next = library.sentences[top.position + offset]
                guard next.document == top.sentence.document, next.page == top.sentence.page else { break }
                // A title begins the next section: what it names is not the answer to this one.
                if Self.isTitle(next.text), understanding.answerKind == .name { break }
                // A question for what happened does not take the target that follows a parameter.
                if asked == .result, TargetOrResult.statesTarget(next.text) { break }
                if Self.contains(understanding.answerKind, in: next.text, excluding: questionWords) {
                    chosen.append((next, top.position + offset, top.score, true))
                    break
                }
            }
        }
        // A table row is cited with its caption and header; a caption or header found first is answered by the
        // table's best-scored row.
        if let number = library.tableOf[top.position] {
            let table = library.tables[number]
            let row =
                table.rows.contains(top.position)
                ? top.position : ranked.first { table.rows.contains($0.position) }?.position
            if let row {
                chosen = TableAnswer.citing(row, of: table).map { (library.sentences[$0], $0, top.score, true) }
            }
        }
        // "Hvilken dimensjon fikk lavest skår": a lead-in followed by a list of "label: number" lines is answered by
        // the line with the lowest (or highest) number, not by the first line.
        if let extreme = Superlative.asked(in: question),
            let leadIn = chosen.first(where: { $0.sentence.text.hasSuffix(":") }),
            let line = Self.extremeLine(after: leadIn.position, lowest: extreme == .lowest, library: library)
        {
            chosen = [leadIn, (library.sentences[line], line, leadIn.score, true)]
        }
        // "… og hva var grunnen?": the reason usually follows the fact in the next sentence or two.
        if Reason.asks(question), !chosen.contains(where: { Reason.isStated(in: $0.sentence.text) }) {
            let last = chosen.map(\.position).max() ?? top.position
            var found = false
            for offset in 1...2 where last + offset < library.sentences.count {
                let next = library.sentences[last + offset]
                guard next.document == top.sentence.document, next.page == top.sentence.page else { break }
                if Reason.isStated(in: next.text) {
                    chosen.append((next, last + offset, top.score, true))
                    found = true
                    break
                }
            }
            // Without a "fordi", the sentence right after a decision usually gives its grounds ("Vi anbefaler ikke C.
            // Alternativet forutsetter et rettslig grunnlag …"), unless it begins something new.
            let next = last + 1
            if !found, next < library.sentences.count, library.sentences[next].document == top.sentence.document,
                library.sentences[next].page == top.sentence.page, !Self.isHeading(library.sentences[next].text),
                !SectionHeading.isHeading(library.sentences[next].text),
                !library.sentences[next].text.hasSuffix(":"), library.tableOf[next] == nil
            {
                chosen.append((library.sentences[next], next, top.score, true))
            }
        }
        return chosen
    }

    /// The check the chosen sentences fail, as a refusal reason; `nil` when they pass: the kind of answer asked
    /// for, the kind of amount, and the thing a "hvilken X" question asks about.
    func failedCheck(_ chosen: [PartReading.Ranked], _ reading: PartReading) -> String? {
        let library = reading.library
        let understanding = reading.understanding
        let question = reading.question
        guard understanding.answerKind == .statement || chosen.contains(where: \.hasKind) else {
            return "ingen setning har den typen svar spørsmålet ber om (\(understanding.answerKind))"
        }
        // "Hvor mye sparer …" is not answered by what something costs: when the cited amount is named as another
        // kind of amount than the one asked for, and never as the one asked for, the answer is refused.
        if understanding.answerKind == .amount, let family = Self.amountFamily(of: question),
            !chosen.contains(where: { Self.amountFamily(of: $0.sentence.text, only: family) != nil }),
            chosen.contains(where: { Self.amountFamily(of: $0.sentence.text) != nil })
        {
            return "beløpet som står der, er et annet slags beløp enn det spørsmålet gjelder"
        }
        // "Hvilken leverandør …": an answer that never mentions a supplier (in the cited sentences or right next to
        // them) answers something else, so the honest answer is a refusal.
        if understanding.answerKind == .name || understanding.answerKind == .statement,
            let focus = Self.focusTerm(of: question),
            !chosen.contains(where: {
                Self.mentions(focus, near: $0.position, library: library)
                    || CompanyName.isAsked(focus) && CompanyName.appears(in: $0.sentence.text)
            })
        {
            return "setningen nevner ikke det spørsmålet spør etter"
        }
        let focus = FocusSupport.focus(of: reading.terms, understanding: understanding, library: library)
        if !focus.isEmpty,
            !chosen.contains(where: {
                FocusSupport.isSupported(focus, at: $0.position, terms: reading.terms, library: library)
            })
        {
            return
                "svaret nevner ikke «\(focus.map(\.origin).joined(separator: "» eller «"))», som spørsmålet handler om"
        }
        return nil
    }

    /// The years (1990–2100) a text names, as written; a range "2025–2028" names both ends.
    static func years(in text: String) -> Set<String> {
        Set(
            Tokenizer.words(text).filter { word in
                word.count == 4 && Int(word).map { (1990...2100).contains($0) } == true
            })
    }

    /// The years a sentence names; a table row also names those of its table's caption and header ("Tidsplan for
    /// kull 2026" places the row "Påmeldingsfrist 15. desember 2025" in 2026 too).
    static func yearsNamed(at position: Int, library: DocumentLibrary) -> Set<String> {
        var named = years(in: library.sentences[position].text)
        if let number = library.tableOf[position], library.tables[number].rows.contains(position) {
            let table = library.tables[number]
            for line in (table.caption.map { [$0] } ?? []) + table.header {
                named.formUnion(years(in: library.sentences[line].text))
            }
        }
        return named
    }

    /// Whether a passage is about one of the organisations: its document is published by one or has one in its
    /// title, or one is named in the sentence, on the lines around it or in its table's caption.
    static func isAbout(_ organisations: [String], at position: Int, library: DocumentLibrary) -> Bool {
        let sentence = library.sentences[position]
        guard let document = library.documents[sentence.document] else { return false }
        if organisations.contains(document.publisher) { return true }
        let names = organisations.flatMap(QuestionUnderstanding.names(of:)).map { $0.lowercased() }
        var texts = [document.title]
        for index in max(0, position - 2)...min(library.sentences.count - 1, position + 2)
        where library.sentences[index].document == sentence.document && library.sentences[index].page == sentence.page {
            texts.append(library.sentences[index].text)
        }
        if let table = library.tableOf[position], let caption = library.tables[table].caption {
            texts.append(library.sentences[caption].text)
        }
        let lowered = texts.joined(separator: " ").lowercased()
        return names.contains { lowered.contains($0) }
    }

    /// Whether a sentence is a body row of a table.
    static func isTableRow(_ position: Int, library: DocumentLibrary) -> Bool {
        library.tableOf[position].map { library.tables[$0].rows.contains(position) } ?? false
    }

    /// A table's answer: for "which … highest/lowest", the row with the extreme value in the column the question
    /// names; for a row the question names by its identifier ("alternativ A", "post 45"), that row. The table must
    /// be one the question's words point to, and its caption, header and row must support the question. `nil`
    /// when no table answers.
    func tableAnswer(
        _ question: String, kind: QuestionUnderstanding.AnswerKind, ranked: [Int], terms: [QueryTerm],
        library: DocumentLibrary
    ) -> Answer? {
        // A column is named by a question word or by a part of one ("risikoskår" names "Skår").
        let questionTerms = Set(terms.filter { $0.weight >= 0.5 }.map(\.term))
            .union(library.compoundParts(of: terms).values.joined())
        let extreme = Superlative.asked(in: question)
        let items = TableAnswer.namedItems(in: question)
        let listCount = ListAnswer.asks(question).count ?? 1
        let identifiers = items.map(\.identifier)
        let depth = TableAnswer.depth(ranked, extreme: extreme != nil, items: items, library: library)
        for number in TableAnswer.candidates(ranked, depth: depth, library: library) {
            let table = library.tables[number]
            let namesColumn = TableAnswer.column(of: table, questionTerms: questionTerms, library: library) != nil
            var row: Int?
            if let extreme, namesColumn {
                let rows = TableAnswer.extremeRows(
                    of: table, lowest: extreme == .lowest, count: listCount, questionTerms: questionTerms,
                    library: library)
                // "Hvilke tre barrierer ble oftest nevnt?": the first rows by the column, each cited with its header.
                if rows.count > 1, let first = rows.first,
                    library.coverage(of: first, terms: terms) >= Configuration.minimumCoverage
                {
                    let own = library.tableOf[first].map { library.tables[$0] } ?? table
                    if let answer = Self.citing(TableAnswer.citing(first, of: own) + rows.dropFirst(), library: library)
                    {
                        return answer
                    }
                }
                row = rows.first
            } else if !identifiers.isEmpty {
                row = TableAnswer.row(named: identifiers, in: table, library: library)
            }
            // A question that names a column and a row's label asks for that cell.
            if row == nil, extreme == nil, namesColumn {
                row = TableAnswer.row(labelledIn: questionTerms, in: table, library: library)
            }
            guard let row else { continue }
            let coverage = library.coverage(of: row, terms: terms)
            guard coverage >= Configuration.minimumCoverage else { continue }
            // A sentence ranked above the table that names the same item in running text and carries the question's
            // words as fully as the row does, with the kind of answer asked for, answers it ("Kap. 1560 post 01
            // Driftsutgifter: 219,8 millioner kroner").
            if !items.isEmpty,
                TableAnswer.isAnsweredAbove(
                    number, ranked: ranked, items: items, kind: kind, coverage: coverage, terms: terms, library: library
                )
            {
                return nil
            }
            // The row may stand in a continuation of the table, under its own caption and header.
            let own = library.tableOf[row].map { library.tables[$0] } ?? table
            guard let answer = Self.citing(TableAnswer.citing(row, of: own), library: library) else { continue }
            return answer
        }
        return nil
    }

    /// The item at `place` of the best-supported list among the best-scored sentences, cited with its lead-in.
    func listItemAnswer(_ ranked: [Int], place: Int, terms: [QueryTerm], library: DocumentLibrary) -> Answer? {
        var tried: Set<Int> = []
        for position in ranked.prefix(Configuration.supportedCandidates) {
            guard let leadIn = ListAnswer.leadIn(at: position, in: library), tried.insert(leadIn).inserted else {
                continue
            }
            // In a numbered or marked list an item's later sentences are not items of their own.
            let all = ListAnswer.items(after: leadIn, count: nil, in: library)
            let marked = all.filter { ListAnswer.isMarked(library.sentences[$0].text) }
            let items = marked.isEmpty ? all : marked
            guard items.count >= place, library.coverage(of: leadIn, terms: terms) >= Configuration.minimumCoverage
            else { continue }
            guard let answer = Self.citing([leadIn, items[place - 1]], library: library) else { continue }
            return answer
        }
        return nil
    }

    /// A list question's answer: among the best-scored sentences, the best lead-in (one ending with a colon, or
    /// the lead-in before a scored item) that the question's words support and that has items after it; the
    /// lead-in and its items are cited. `nil` when no such list is found.
    func listAnswer(
        _ ranked: [(position: Int, score: Double)], count: Int?, noun: String?, terms: [QueryTerm],
        library: DocumentLibrary
    ) -> Answer? {
        var tried: Set<Int> = []
        var best: (lines: [Int], namesItems: Bool, coverage: Double, score: Double)?
        for candidate in ranked.prefix(Configuration.supportedCandidates + 5) {
            guard let leadIn = ListAnswer.leadIn(at: candidate.position, in: library), tried.insert(leadIn).inserted
            else { continue }
            let items = ListAnswer.items(after: leadIn, count: count, in: library)
            guard !items.isEmpty else { continue }
            // The list the question's words support best: its lead-in (with the heading before it) or a first item.
            let coverage = ([leadIn] + items.prefix(2)).map { library.coverage(of: $0, terms: terms) }.max() ?? 0
            guard coverage >= Configuration.minimumCoverage else { continue }
            // A lead-in that names the items as the question does ("i sju trinn:" for "hvilke trinn") comes first.
            let namesItems = noun.map { ListAnswer.names($0, leadIn: library.sentences[leadIn].text) } ?? false
            let better = best.map { best in
                namesItems != best.namesItems
                    ? namesItems
                    : coverage > best.coverage + 0.05
                        || (coverage > best.coverage - 0.05 && candidate.score > best.score)
            }
            if better ?? true { best = ([leadIn] + items, namesItems, coverage, candidate.score) }
        }
        if best == nil, let count {
            best = ListAnswer.labelledItems(ranked.map(\.position), count: count, in: library).map { ($0, false, 1, 0) }
        }
        guard let lines = best?.lines else { return nil }
        return Self.citing(lines, library: library)
    }

    /// An answer quoting the sentences at `positions`, each verbatim on its page; `nil` when one is not (a table
    /// or a list is cited whole or not at all).
    static func citing(_ positions: [Int], library: DocumentLibrary) -> Answer? {
        let verifier = CitationVerifier(readable: Array(library.documents.values))
        // A sentence found both as a lead-in's item and as a scored line is quoted once.
        var seen: Set<Int> = []
        let positions = positions.filter { seen.insert($0).inserted }
        let citations = positions.map { library.sentences[$0] }
            .map { Citation(document: $0.document, page: $0.page, quote: $0.text) }.filter(verifier.isVerbatim)
        guard citations.count == positions.count else { return nil }
        return Answer(text: citations.map(\.quote).joined(separator: " "), refused: false, citations: citations)
    }

    /// How documents state what questions ask for: "andel" is written as "prosent", "hvor mange" as "antall".
    static let askedAs: [(String, String)] = [
        ("lavest", "svakeste lavest minst"), ("lavere", "svakere lavere"), ("høyest", "sterkeste høyest størst"),
        ("høyere", "sterkere høyere"),
        ("andel", "prosent"), ("andelen", "prosent"), ("hvor mange", "antall"), ("kor mange", "antall"),
        ("kostet", "kostnad kroner"), ("frist", "innen"), ("fristen", "innen"), ("grunnen", "fordi skyldes"),
        ("hvorfor", "fordi skyldes"), ("målet", "målverdi"), ("redusert", "reduksjon reduseres"),
        ("økt", "økes øker økning"), ("økte", "økes økning"), ("pengene", "midlene bevilgningen budsjettmidlene"),
        ("penger", "midler bevilgning budsjettmidler"), ("pengar", "midlar løyving"),
        // Strong verbs whose past tense and participle the stemmer leaves apart ("vedtok" / "vedtatt").
        ("vedtok", "vedtatt vedtatte vedtak"), ("vedtatt", "vedtok vedtak"), ("ga", "gitt"), ("fikk", "fått"),
        ("skrev", "skrevet"), ("fant", "funnet"), ("ba", "bedt"), ("satte", "satt"),
        ("foreslår", "anbefaler tilrår"), ("foreslo", "foreslått anbefalte tilrådde"),
        ("slippe å betale", "gratis vederlagsfritt"), ("uten å betale", "gratis vederlagsfritt"),
        ("spare", "gevinst gevinster besparelse innsparing"), ("sparte", "gevinst gevinster besparelse innsparing"),
    ]

    /// The other phrases of each concept group one of whose phrases the question uses, weighted like the
    /// phrasings above: they rank, they never count as support.
    func conceptTerms(_ own: [QueryTerm], library: DocumentLibrary) -> [QueryTerm] {
        let present = own.map(\.term)
        var added: [QueryTerm] = []
        for group in concepts {
            let phrases = group.map { (surface: $0, terms: library.queryTerms($0).map(\.term)) }.filter {
                !$0.terms.isEmpty
            }
            guard let hit = phrases.first(where: { present.containsSequence($0.terms) }) else { continue }
            for phrase in phrases where phrase.terms != hit.terms {
                added += phrase.terms.map { QueryTerm(term: $0, weight: 0.45, origin: hit.surface) }
            }
        }
        return added
    }

    static func questionSynonyms(_ question: String, library: DocumentLibrary) -> [QueryTerm] {
        let lowered = " " + Tokenizer.words(question).joined(separator: " ") + " "
        // The written form supports each word of the phrase it reads ("gratis" supports "slippe" and "betale").
        return askedAs.filter { lowered.contains(" \($0.0) ") }.flatMap { asked, written in
            let readings = library.queryTerms(written)
            return Tokenizer.words(asked).flatMap { word in
                readings.map { QueryTerm(term: $0.term, weight: 0.45, origin: word) }
            }
        }
    }

    private func matchedTerms(_ position: Int, library: DocumentLibrary, terms: [QueryTerm]) -> Set<String> {
        let explanation = library.index.explain(String(position), query: terms)
        return Set(
            explanation.children.compactMap { child in
                child.fields.contains("text") ? child.term : nil
            })
    }

    private func refusal(library: DocumentLibrary, terms: [QueryTerm], reason: String) -> Answer {
        let closest = library.search(terms, limit: 20, allowedDocuments: Set(library.documents.keys))
        var seen: Set<String> = []
        let related = closest.compactMap { hit -> DocumentReference? in
            guard seen.insert(hit.sentence.document).inserted, let document = library.documents[hit.sentence.document]
            else {
                return nil
            }
            return DocumentReference(identifier: document.identifier, title: document.title, year: document.year)
        }
        var answer = Answer(text: Answer.refusalText, refused: true, citations: [], related: Array(related.prefix(3)))
        answer.reason = reason
        return answer
    }

    /// The answer with the trace attached (empty unless tracing).
    private func traced(_ answer: Answer, _ trace: [String]) -> Answer {
        var answer = answer
        answer.trace = trace
        return answer
    }

    /// A number with two decimals, for traces.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Kinds of amount a question can ask for, each as the word beginnings that name it.
    static let amountFamilies: [String: [String]] = [
        "saving": ["spar", "innspar", "besparel", "gevinst"], "cost": ["kost"], "grant": ["bevilg"],
        "cut": ["redus", "reduksjon", "kutt"], "increase": ["øk", "auk"],
    ]

    /// The kind of amount a text names (the first found, or only `only`).
    static func amountFamily(of text: String, only: String? = nil) -> String? {
        let words = Tokenizer.words(text)
        for (family, prefixes) in amountFamilies.sorted(by: { $0.key < $1.key }) where only == nil || only == family {
            if words.contains(where: { word in prefixes.contains { word.hasPrefix($0) } }) { return family }
        }
        return nil
    }

    /// A heading written in capitals ("VEILEDER FOR GEVINSTREALISERING").
    static func isHeading(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 6 && letters.allSatisfy(\.isUppercase)
    }

    /// A title line: a few words with no sentence or lead-in mark at its end ("Oppfølging av evalueringen").
    static func isTitle(_ text: String) -> Bool {
        guard let last = text.last, !".!?:;,".contains(last) else { return false }
        return text.split(separator: " ").count <= 10 && !text.contains("\t")
    }

    /// The line after a lead-in, on the same page, whose "label: number" has the lowest (or highest) number.
    static func extremeLine(after position: Int, lowest: Bool, library: DocumentLibrary) -> Int? {
        let leadIn = library.sentences[position]
        var values: [(position: Int, value: Double)] = []
        for index in (position + 1)..<min(library.sentences.count, position + 1 + Configuration.listLines) {
            let line = library.sentences[index]
            guard line.document == leadIn.document, line.page == leadIn.page else { break }
            let parts = line.text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].split(separator: " ").count <= 5 else { break }
            let number = parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
                .prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { break }
            values.append((index, value))
        }
        guard values.count >= 2 else { return nil }
        return (lowest ? values.min { $0.value < $1.value } : values.max { $0.value < $1.value })?.position
    }

    /// Sentences stating a reason right after cited ones (same page, the next two), not already cited.
    static func reasons(after citations: [Citation], library: DocumentLibrary) -> [Citation] {
        guard !citations.contains(where: { Reason.isStated(in: $0.quote) }) else { return [] }
        for citation in citations {
            guard
                let position = library.sentences.firstIndex(where: {
                    $0.document == citation.document && $0.page == citation.page && $0.text == citation.quote
                })
            else { continue }
            for offset in 1...2 where position + offset < library.sentences.count {
                let next = library.sentences[position + offset]
                guard next.document == citation.document, next.page == citation.page else { break }
                if Reason.isStated(in: next.text) {
                    return [Citation(document: next.document, page: next.page, quote: next.text)]
                }
            }
        }
        return []
    }

    /// The noun a "hvilken X" question asks about, as an index term.
    static func focusTerm(of question: String) -> String? {
        let words = Tokenizer.words(question)
        guard let index = words.firstIndex(where: { ["hvilken", "hvilket", "hvilke", "kva", "which"].contains($0) }),
            index + 1 < words.count
        else { return nil }
        var next = index + 1
        if words[index] == "kva", words[next] == "for", next + 2 < words.count { next += 2 }
        // "Hvilket år", "hvilken dato", "hvilket beløp": the noun names the kind of answer, which a sentence gives
        // without repeating the noun ("… i 2024").
        let kinds: Set<String> = [
            "år", "dato", "dag", "måned", "tid", "tidspunkt", "frist", "beløp", "sum", "antall", "tall", "prosent",
            "andel",
            "nivå", "skår", "verdi", "year", "date", "amount", "number",
        ]
        guard !kinds.contains(words[next]) else { return nil }
        return Analyzer().term(for: words[next])
    }

    /// Whether a sentence, or one next to it on the same page, contains the term (also inside a compound).
    static func mentions(_ term: String, near position: Int, library: DocumentLibrary) -> Bool {
        let sentence = library.sentences[position]
        return (max(0, position - 1)...min(library.sentences.count - 1, position + 1)).contains { index in
            let other = library.sentences[index]
            guard other.document == sentence.document, other.page == sentence.page else { return false }
            return Tokenizer.words(other.text).contains { word in
                Analyzer().term(for: word) == term || word.contains(term)
            }
        }
    }

    static let months = [
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
        "desember",
    ]

    /// True for a heading or lead-in whose content follows: ends with a colon, is a section heading ("3. Endret
    /// frist"), or is a short label.
    static func isLeadIn(_ text: String) -> Bool {
        text.hasSuffix(":") || SectionHeading.isHeading(text)
            || (text.split(separator: " ").count <= 12 && !text.hasSuffix(".") && !text.contains(where: \.isNumber))
            || (text.split(separator: " ").count <= 14 && text.contains(":")
                && !hasQuantity(text.split(separator: ":").dropFirst().joined()))
    }

    /// Numbers written as words (bokmål, nynorsk), cardinal and ordinal, that a quantity can be given in.
    static let numberWords: Set<String> = [
        "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "elleve", "tolv", "femten", "tjue", "tretti",
        "hundre", "tusen", "tredje", "fjerde", "femte", "sjette", "sjuende", "syvende", "åttende", "niende", "tiende",
        "halvannen", "annenhver", "annakvar",
    ]

    /// Whether a text has a quantity: a number that is not a year, a section number ("1.1") or a case number, or
    /// a number written as a word before what it counts.
    static func hasQuantity(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," && false })
        for (index, raw) in tokens.enumerated() {
            var token = Substring(raw)
            while let last = token.last, last == "." || last == ":" || last == ";" || last == "," {
                token = token.dropLast()
            }
            // "tre år", "hver sjette måned": a number written as a word, before what it counts.
            if index + 1 < tokens.count, Self.numberWords.contains(token.lowercased()) { return true }
            guard token.contains(where: \.isNumber) else { continue }
            if token.count == 4, let year = Int(token), (1900...2100).contains(year) { continue }
            // "31. desember 2025": the day of a date is no quantity.
            if raw.hasSuffix("."), index + 1 < tokens.count, Self.months.contains(tokens[index + 1].lowercased()) {
                continue
            }
            if token.contains("-"), token.split(separator: "-").allSatisfy({ $0.allSatisfy(\.isNumber) }) { continue }
            if index == 1, token.contains(".") { continue }  // "Styringsparameter 1.1"
            if index == 0, raw.hasSuffix(".") || raw.hasSuffix(":") { continue }  // "3. Endret frist"
            // "post 21", "tillegg nr. 1", "kap. 1560", "modul 4": a number after a label names an item.
            if index > 0, Self.itemLabels.contains(tokens[index - 1].lowercased().trimmingCharacters(in: [".", ":"])) {
                continue
            }
            return true
        }
        return false
    }

    /// Words a number after them names an item with, not a quantity ("post 21", "nr. 1", "modul 4", "§ 9").
    static let itemLabels: Set<String> = [
        "post", "posten", "nr", "kap", "kapittel", "kapitlet", "modul", "modulen", "tiltak", "oppdrag",
        "styringsparameter",
        "side", "s", "punkt", "trinn", "fase", "del", "vedlegg", "tabell", "figur", "§", "alternativ", "hovedmål",
        "delmål",
        "sak", "artikkel", "kull", "versjon", "rapport", "no", "item", "chapter", "section", "page", "table", "module",
    ]

    /// Whether a sentence holds the kind of answer asked for; a name must be one the question does not already use.
    static func contains(
        _ kind: QuestionUnderstanding.AnswerKind, in text: String, excluding questionWords: Set<String> = []
    ) -> Bool {
        switch kind {
        case .statement: return true
        case .number: return hasQuantity(text)
        case .amount:
            let lowered = text.lowercased()
            return hasQuantity(text)
                && ["kroner", " kr", "nok", "mill", "mrd", "milliard"].contains { lowered.contains($0) }
        case .date:
            let lowered = text.lowercased()
            return months.contains { lowered.contains($0) } && text.contains(where: \.isNumber)
                || lowered.contains("kvartal") || lowered.contains("innen utgangen")
        case .name:
            // "Hvem skal være gevinsteier?" is answered by a role ("en linjeleder") as often as by a name.
            let roles = ["leder", "lederen", "eier", "eieren", "direktør", "direktøren", "sjef", "sjefen", "ansvarlig"]
            if Tokenizer.words(text).contains(where: { word in
                roles.contains { word.hasSuffix($0) }
                    && !(Analyzer().term(for: word).map(questionWords.contains) ?? false)
            }) {
                return true
            }
            return namesProperNoun(text, excluding: questionWords)
        case .place:
            // "Skarvdal kulturhus", "på Teams", or a meeting held online.
            let lowered = " " + Tokenizer.words(text).joined(separator: " ") + " "
            return namesProperNoun(text, excluding: questionWords)
                || [" digitalt ", " på nett ", " nettbasert ", " online ", " videomøte "].contains(
                    where: lowered.contains)
        }
    }

    /// Whether a text has a capitalised word that does not start the sentence or a clause, is not an acronym (or an
    /// acronym compound), and is not one of the question's words: a name.
    static func namesProperNoun(_ text: String, excluding questionWords: Set<String>) -> Bool {
        let words = text.split(separator: " ")
        return words.indices.dropFirst().contains { index in
            let word = words[index]
            guard word.first?.isUppercase == true, !words[index - 1].hasSuffix(":"), !words[index - 1].hasSuffix(".")
            else {
                return false
            }
            let head = word.split(separator: "-").first ?? word
            let term = Analyzer().term(for: String(Tokenizer.words(String(word)).first ?? ""))
            return !(head.count <= 3 && head.allSatisfy(\.isUppercase)) && !(term.map(questionWords.contains) ?? false)
        }
    }
}
