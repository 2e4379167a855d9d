import KompetanseSearch

/// "Strategien bygger på fem prinsipper. Prinsippene er beskrevet i kapittel 1.": a sentence that announces a
/// number of things names a list whose items stand elsewhere — in the section whose heading names the same thing
/// ("1 Prinsipper for digitalisering"), one paragraph per item, each opening with the item ("Vi spør bare én
/// gang. …"). The answer is that heading and the first sentence of each of those paragraphs.
enum AnnouncedList {
    /// The heading and item sentences of the list that one of the best-scored sentences announces, if found.
    static func items(_ ranked: [Int], count asked: Int?, in library: DocumentLibrary) -> [Int]? {
        for position in ranked.prefix(5) {
            guard let (number, noun) = announcement(in: library.sentences[position].text, library: library),
                asked == nil || asked == number
            else { continue }
            let document = library.sentences[position].document
            for heading in library.sentences.indices
            where heading != position && library.sentences[heading].document == document
                && SectionHeading.isHeading(library.sentences[heading].text)
                && library.analysed(library.sentences[heading].text).contains(noun)
            {
                let items = paragraphs(under: heading, about: noun, in: library)
                if items.count >= number { return [heading] + items.prefix(number) }
            }
        }
        return nil
    }

    /// The number and the thing a sentence announces: "fem prinsipper" → (5, "prinsipp"), "4 satsingsområder".
    static func announcement(in text: String, library: DocumentLibrary) -> (Int, String)? {
        let words = Tokenizer.words(text)
        for index in words.indices.dropLast() {
            let digits = Int(words[index]).flatMap { (2...12).contains($0) ? $0 : nil }
            let number = ListAnswer.counts[words[index]] ?? digits
            guard let number, let noun = library.analysed(words[index + 1]).first else { continue }
            return (number, noun)
        }
        return nil
    }

    /// The first sentences of the paragraphs under a heading on its page, up to the next heading, leaving out
    /// those that talk about the list itself ("De fem prinsippene gjelder for …").
    static func paragraphs(under heading: Int, about noun: String, in library: DocumentLibrary) -> [Int] {
        let top = library.sentences[heading]
        var items: [Int] = []
        var index = heading + 1
        while index < library.sentences.count {
            let sentence = library.sentences[index]
            guard sentence.document == top.document, sentence.page == top.page, !SectionHeading.isHeading(sentence.text)
            else { break }
            let opensParagraph = library.lineStart(of: index).starts
            if opensParagraph, !library.analysed(sentence.text).contains(noun) { items.append(index) }
            index += 1
        }
        return items
    }
}
