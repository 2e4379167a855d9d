import KompetanseDomain
import KompetanseSearch

/// One part of a question read against a library: what it asks for, its weighted terms, and the candidate
/// sentences ranked best first. Every answer rule works from this.
struct PartReading {
    /// A ranked sentence: the sentence, its position in the library, its score and whether it holds the kind of
    /// answer asked for.
    typealias Ranked = (sentence: PageSpan, position: Int, score: Double, hasKind: Bool)

    /// The question part as asked.
    let question: String
    /// What it asks for (years, types, kind of answer).
    let understanding: QuestionUnderstanding
    /// Its weighted query terms (own words, translations, phrasings, the first part's words for a later part).
    let terms: [QueryTerm]
    /// The index forms of its own words.
    let questionWords: Set<String>
    /// Whether it asks for a target or for a result.
    let asked: TargetOrResult.Asked?
    /// The candidate sentences, best first (never empty).
    let ranked: [Ranked]
    /// Whether it is the later part of a two-part question asking for a kind of answer (on the first part's topic).
    let followsUp: Bool
    /// The library it was read against.
    let library: DocumentLibrary
}
