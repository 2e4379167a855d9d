import KompetanseSearch

/// "Hvorfor nådde ikke etaten målet?", "… og hva var grunnen?": a reason question is answered by the sentence that
/// gives the reason ("Den viktigste årsaken er at …", "… fordi …"), or by the fact right before it, which the reason
/// then follows. Such a question asks for no number or date, even when it names one ("målet for antall …").
enum Reason {
    /// How much a sentence that gives a reason (or is followed by one) gains when a reason is asked for.
    static let bonus = 1.35
    /// How much a sentence loses when nothing can follow it with its grounds: it ends its section or its page.
    static let endOfSectionPenalty = 0.8

    /// Whether a question asks for a reason.
    static func asks(_ question: String) -> Bool {
        let words = Set(Tokenizer.words(question))
        return !words.isDisjoint(with: ["hvorfor", "grunnen", "årsaken", "begrunnelsen", "kvifor", "why"])
    }

    /// Whether a sentence gives a reason.
    static func isStated(in text: String) -> Bool {
        let lowered = " " + Tokenizer.words(text).joined(separator: " ") + " "
        return markers.contains(where: lowered.contains)
    }

    /// The words that give a reason (bokmål, nynorsk, English), as lowercased words between spaces.
    static let markers = [
        " skyldes ", " skyldtes ", " skuldast ", " fordi ", " som følge av ", " på grunn av ", " grunnet ",
        " begrunnes ", " derfor ", " sidan ", " because ", " årsaken er ", " årsaka er ", " årsakene er ",
        " grunnen er ", " grunnen var ", " årsaken var ", " due to ", " the reason ",
    ]

    /// Whether a sentence of running text follows the one at a position in its section: on the same page, and not
    /// a heading that begins the next section.
    static func isFollowed(at position: Int, library: DocumentLibrary) -> Bool {
        guard let next = library.nextOnPage(after: position) else { return false }
        return !SectionHeading.isHeading(library.sentences[next].text)
            && !Assistant.isHeading(library.sentences[next].text)
    }

    /// Whether the sentence at a position gives a reason, or the next sentence on its page does.
    static func isGiven(at position: Int, library: DocumentLibrary) -> Bool {
        if isStated(in: library.sentences[position].text) { return true }
        return library.nextOnPage(after: position).map { isStated(in: library.sentences[$0].text) } ?? false
    }
}
