import KompetanseDomain

/// Shared wording of measure facts, so the list, the detail page and facet labels agree.
struct MeasureFormatting {
    let texts: Texts

    func price(_ measure: Measure) -> String {
        guard let price = measure.price else { return texts["price_unknown"] }
        if price.amount == 0 { return texts["price_free"] }
        if price.currency == "NOK" { return texts.format("price_nok", ["amount": texts.number(price.amount)]) }
        return "\(texts.number(price.amount)) \(price.currency)"
    }

    func duration(_ duration: ISODuration) -> String {
        if duration.hours >= ISODuration.hoursPerDay, (duration.hours / ISODuration.hoursPerDay).rounded() == duration.hours / ISODuration.hoursPerDay {
            return "\(texts.number(duration.hours / ISODuration.hoursPerDay)) \(texts["unit_days"])"
        }
        return "\(texts.number((duration.hours * 10).rounded() / 10)) \(texts["unit_hours"])"
    }

    func language(_ code: String) -> String {
        texts.strings["lang_\(code)"] ?? code
    }

    /// The display label of a facet value; provider names come from the given lookup.
    func facetValue(_ facet: Facet, _ value: String, providerNames: [String: String]) -> String {
        switch facet {
        case .provider: providerNames[value] ?? value
        case .format: value
        case .audience: texts.strings["audience_\(value)"] ?? value
        case .price:
            value == "gratis" ? texts["price_free"] : value == "betalt" ? texts["price_paid"] : texts["price_unknown"]
        case .language: language(value)
        case .sector: texts.strings["sector_\(value)"] ?? value
        case .learningMode: texts.strings["mode_\(value)"] ?? value
        }
    }

    func excerpt(_ text: String, limit: Int = 260) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
