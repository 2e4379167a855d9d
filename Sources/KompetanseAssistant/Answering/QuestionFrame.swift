/// Words that frame a question instead of naming what it is about: question words, the measure a "hvor …" asks
/// for ("hvor stor", "hvor lenge"), light verbs and adverbs ("brukt", "sier", "skje", "faktisk"), the verbs of
/// taking place ("holdes", "arrangeres": the document says where, not that it is held) and of being made of
/// ("består av": the document lists the parts), and the verbs
/// that say whose estimate or statement is asked for ("regner med", "forventer", "anslår", "mener"), and the nouns
/// that name the kind of answer ("dato", "andel", "antall", "beløp"). A document
/// that answers rarely repeats them, so they must not decide whether it supports an answer.
enum QuestionFrame {
    /// Their weight relative to the question's other words.
    static let weight = 0.2

    /// The words, lowercased (bokmål, nynorsk, English).
    static let words: Set<String> = [
        "hvor", "kor", "lang", "lange", "lenge", "stor", "store", "mye", "mykje", "mange", "ofte", "høy", "høye",
        "gammel", "gammal", "del", "skje", "skjer", "skjedde", "sier", "seier", "si", "sa", "faktisk", "egentlig",
        "eigentleg", "brukt", "bruke", "brukes", "brukte", "tok", "ta", "tar", "ifølge", "iflg", "selv", "sjølv",
        "dem", "disse", "desse", "aller", "hva", "kva", "hvilke", "hvilken", "hvilket", "kva", "når", "hvem", "kven",
        "hvorfor", "kvifor", "how", "what", "which", "who", "when", "why", "much", "many", "long", "often", "does",
        "did", "according", "regner", "regne", "reknar", "rekne", "forventer", "forventar", "venter", "ventar",
        "anslår", "anslag", "tror", "trur", "mener", "meiner", "oppgir", "oppgjev", "expect", "expects", "estimate",
        "dato", "datoen", "date", "andel", "andelen", "antall", "antallet", "beløp", "beløpet", "share", "number",
        "holdes", "holdast", "arrangeres", "arrangerast", "foregår", "gjennomføres", "held", "located", "består",
        "bestod", "consist", "consists",
    ]

    /// True for a framing word; a superlative ("høyest", "flest") frames too (see ``Superlative``).
    static func contains(_ word: String) -> Bool { words.contains(word) || Superlative.contains(word) }
}
