import KompetanseSearch

/// A sentence that denies what a question asks about ("Portalen skal ikke ha flere enn …") answers a question only
/// when nothing else does. A clause joined after a comma by a conjunction that comments on what was said ("Målet
/// var 70 prosent, så målet ble ikke nådd", "…, men ingen kommuner har tatt det i bruk") does not deny the fact
/// stated before it; a relative or conditional clause before the comma ("Opplysninger som legges inn, brukes ikke
/// …") does not carry the fact, so the clause after it does.
enum Negation {
    /// Words that say "not".
    static let words: Set<String> = ["ikke", "ikkje", "not", "aldri", "never", "ingen", "inga", "ingenting"]

    /// Conjunctions that open a clause commenting on the one before it.
    static let commentConjunctions: Set<String> = ["så", "men", "mens", "medan", "og", "but", "so", "while"]

    /// Whether a question says "not" anywhere.
    static func isNegated(question: String) -> Bool { !Set(Tokenizer.words(question)).isDisjoint(with: words) }

    /// Whether a sentence says "not" outside the clauses that only comment on its fact.
    static func deniesItsFact(_ sentence: String) -> Bool {
        let clauses = sentence.split(whereSeparator: { ",;".contains($0) }).map { Tokenizer.words(String($0)) }
        return clauses.enumerated().contains { index, words in
            let comments = index > 0 && words.first.map(commentConjunctions.contains) == true
            return !comments && !Set(words).isDisjoint(with: Self.words)
        }
    }
}
