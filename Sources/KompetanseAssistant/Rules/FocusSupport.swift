import KompetanseDomain
import KompetanseSearch

/// An answer must mention what the question is about. The question's *focus* is its rarest own words among the
/// readable pages (not framing words, years or numbers): "generativ" and "KI" in "hvor stor andel av kommunene
/// brukte generativ KI". A word no page holds is left to the coverage check: counting it as the focus refused more
/// paraphrased questions than unanswerable ones on the dev sets. A sentence about the same agency and year that mentions none of them — nor does its
/// neighbour, its table's header or its document's title, nor another phrasing of a word or a part of it — answers
/// another question, and the answer is refused.
enum FocusSupport {
    /// How many of the rarest words make the focus; one of them must be supported. (Only the rarest, or only
    /// words nearly as rare, refused more answerable questions on the dev sets: a question's rarest word is as often
    /// a verb of its own ("vedtok", "utsatt") as the thing it asks about.)
    static let size = 2

    /// The focus of a question part: the whole question words (full weight) with the highest inverse document
    /// frequency among those the pages hold, rarest first. Words that name the source ("ifølge veilederen", a
    /// document type the question names) say where to look, not what about.
    static func focus(
        of terms: [QueryTerm], understanding: QuestionUnderstanding, library: DocumentLibrary
    ) -> [QueryTerm] {
        let years = Set(understanding.years.map(String.init))
        let sources = (understanding.documentTypes + understanding.mentionedTypes).map { $0.lowercased() }
        var seen: Set<String> = []
        let candidates = terms.filter { term in
            term.weight >= 0.9 && !years.contains(term.origin) && !term.term.contains(where: \.isNumber)
                && !sources.contains(where: { term.origin.hasPrefix($0) }) && library.idf(term.term) > 0
                && seen.insert(term.term).inserted
        }
        return Array(candidates.sorted { (library.idf($0.term), $1.term) > (library.idf($1.term), $0.term) }.prefix(size))
    }

    /// Whether a sentence, the sentences next to it on its page, its table's heading or its document's title hold
    /// a focus word, a lexicon reading of it, or a part of it ("driftsbevilgningen" is supported by "bevilgningen").
    static func isSupported(_ focus: [QueryTerm], at position: Int, terms: [QueryTerm], library: DocumentLibrary) -> Bool {
        let origins = Set(focus.map(\.origin))
        var readings = Set(terms.filter { origins.contains($0.origin) }.map(\.term))
        for word in origins {
            readings.formUnion(library.parts(of: word))
        }
        let matched = library.matchedTerms(near: position, terms: terms + readings.map { QueryTerm(term: $0, weight: 0.1, origin: "") }, reach: 1)
        return !matched.isDisjoint(with: readings)
    }
}
