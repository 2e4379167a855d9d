import KompetanseDomain

/// The heading of the section a sentence is in: the nearest earlier line on the same page that reads as a heading —
/// a Markdown heading ("## Budsjettgevinster"), or a short line led by a section number and not ended as a sentence
/// is ("5 Hva hadde endret seg et halvt år senere?", "2.1 Mål og resultater"; not the list item "1. Lag en plan."). A heading names what the sentences under it are about, which
/// those sentences often do not repeat.
enum SectionHeading {
    /// How far back a heading is looked for, in sentences.
    static let reach = 8
    /// The longest heading, in words.
    static let maximumWords = 12

    /// The position of the section heading over the sentence at `position`, if any within ``reach``.
    static func nearest(before position: Int, in sentences: [PageSpan]) -> Int? {
        let sentence = sentences[position]
        var index = position - 1
        while index >= 0, position - index <= reach {
            let candidate = sentences[index]
            guard candidate.document == sentence.document, candidate.page == sentence.page else { return nil }
            if isHeading(candidate.text) { return index }
            index -= 1
        }
        return nil
    }

    /// Whether a line reads as a section heading.
    static func isHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= maximumWords, !text.contains("\t"), !text.contains("\n") else { return false }
        if text.hasPrefix("#") { return true }
        // A numbered list item ends as a sentence does; a heading does not (or asks a question).
        guard let last = text.last, !".;,:".contains(last) else { return false }
        // "5", "2.1", "3.": a section number, then a capitalised word.
        let first = words[0]
        let isNumber = first.allSatisfy { $0.isNumber || $0 == "." } && first.first?.isNumber == true && first.count <= 5
        return isNumber && words.count >= 2 && words[1].first?.isUppercase == true
    }
}
