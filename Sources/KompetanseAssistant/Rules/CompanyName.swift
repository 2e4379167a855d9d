import KompetanseSearch

/// "Hvilken leverandør fikk kontrakten?" is answered by "kontrakten tildeles Sterna Datadrift AS" without the word
/// "leverandør": a company's name, written with its legal form ("AS", "ASA", "SA", "Ltd"), names a supplier, a
/// firm or a company as surely as the noun would.
enum CompanyName {
    /// Nouns a company name is an instance of (as index terms of bokmål, nynorsk and English words).
    static let kinds: Set<String> = Set(
        [
            "leverandør", "leverandøren", "leverandørar", "selskap", "selskapet", "firma", "firmaet", "konsulent",
            "konsulentselskap", "aktør", "supplier", "vendor", "company", "firm", "contractor",
        ]
        .compactMap { Analyzer().term(for: $0) })

    /// Legal forms written after a company's name.
    static let legalForms: Set<String> = [
        "AS", "ASA", "SA", "BA", "SE", "Ltd", "Ltd.", "Inc", "Inc.", "AB", "GmbH", "ANS", "DA",
    ]

    /// Whether the question's focus noun is a kind a company name answers.
    static func isAsked(_ focus: String) -> Bool { kinds.contains(focus) }

    /// Whether a text names a company: a capitalised word followed by a legal form ("Sterna Datadrift AS").
    static func appears(in text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map {
            String($0.reversed().drop(while: { ",.;:)".contains($0) }).reversed())
        }
        return words.indices.dropFirst().contains { index in
            legalForms.contains(words[index]) && words[index - 1].first?.isUppercase == true
        }
    }
}
