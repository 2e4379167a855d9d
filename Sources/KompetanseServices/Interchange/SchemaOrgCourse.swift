import Foundation
import KompetanseDomain

/// schema.org `Course` records (FORMATS §1) to and from ``Measure``.
enum SchemaOrgCourse {
    /// Field length limits: generous for real offers, small enough that a runaway field is refused.
    enum Limits {
        static let identifier = 200
        static let name = 500
        static let description = 20_000
        static let shortText = 2_000
    }

    static let languages: Set<String> = ["nb", "nn", "en"]

    /// Members this codec reads; everything else is kept in ``Measure/extra``.
    static let knownFields: [String] = [
        "@type", "identifier", "name", "description", "provider", "url", "inLanguage", "learningResourceType",
        "audience", "educationalLevel", "timeRequired", "numberOfCredits", "offers", "hasCourseInstance", "teaches",
        "keywords", "dateModified", "learningMode", "sector", "creativeWorkStatus", "demo",
    ]

    /// Reads one record; returns the measure, or the problems that stop it.
    static func measure(from object: [String: JSONValue], file: String, record: String) -> Result<Measure, ImportFailure> {
        var reader = RecordReader(object: object, file: file, record: record)
        let type = reader.value("@type")
        if type == nil {
            reader.problem("@type", "mangler (påkrevd, skal være «Course»)")
        } else if type != .string("Course") {
            reader.problem("@type", "skal være «Course», men er \(describe(type!))")
        }
        let identifier = reader.requiredString("identifier", maxLength: Limits.identifier)
        if identifier.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "?" || $0 == "#" }) {
            reader.problem("identifier", "kan ikke inneholde mellomrom, «/», «?» eller «#»")
        }
        let name = reader.requiredString("name", maxLength: Limits.name)
        let description = reader.requiredString("description", maxLength: Limits.description)
        var provider = ProviderReference(name: "")
        if let object = reader.optionalObject("provider") {
            var nested = RecordReader(object: object, file: file, record: record)
            provider.name = nested.requiredString("name", maxLength: Limits.name)
            provider.url = nested.optionalString("url", maxLength: Limits.shortText)
            reader.absorb(nested, prefix: "provider")
        } else if object["provider"] == nil || object["provider"] == .null {
            reader.problem("provider", "mangler (påkrevd: {\"@type\":\"Organization\",\"name\":…})")
        }
        let url = reader.optionalString("url", maxLength: Limits.shortText)
        let inLanguage = readLanguages(&reader)
        let resourceType = reader.optionalEnum("learningResourceType", ResourceType.self)
        var audience: String?
        if let object = reader.optionalObject("audience") {
            var nested = RecordReader(object: object, file: file, record: record)
            audience = nested.optionalString("audienceType", maxLength: Limits.shortText)
            reader.absorb(nested, prefix: "audience")
        }
        let level = reader.optionalEnum("educationalLevel", EducationalLevel.self)
        var duration: ISODuration?
        if let text = reader.optionalString("timeRequired", maxLength: 100) {
            duration = ISODuration(text)
            if duration == nil { reader.problem("timeRequired", "«\(text)» er ikke en ISO 8601-varighet (f.eks. PT6H, P2D)") }
        }
        let credits = reader.optionalNumber("numberOfCredits", maximum: 1_000)
        var price: Price?
        if let object = reader.optionalObject("offers") {
            var nested = RecordReader(object: object, file: file, record: record)
            if let amount = nested.optionalNumber("price", maximum: 100_000_000) {
                let currency = nested.optionalString("priceCurrency", maxLength: 10)
                let extra = nested.unread
                price = Price(amount: amount, currency: currency ?? "NOK", extra: extra)
            } else if object["price"] == nil {
                nested.problem("offers.price", "mangler (oppgi pris, 0 for gratis, eller utelat offers)")
            }
            reader.absorb(nested, prefix: "offers")
        }
        let instances = readInstances(&reader)
        let teaches = readTeaches(&reader)
        let keywords = readKeywords(&reader)
        let dateModified = reader.optionalString("dateModified", maxLength: 100)
        let learningMode = readLearningMode(&reader)
        let sectors = readSectors(&reader)
        let status = reader.optionalString("creativeWorkStatus", maxLength: 100)
        var isDemo = false
        if let value = reader.value("demo") {
            if case .bool(let flag) = value { isDemo = flag } else { reader.problem("demo", "skal være true eller false") }
        }
        for field in knownFields { _ = reader.value(field) }
        if !reader.problems.isEmpty { return .failure(ImportFailure(reader.problems)) }
        return .success(
            Measure(
                identifier: identifier, name: name, description: description, provider: provider, url: url,
                inLanguage: inLanguage, resourceType: resourceType, audience: audience, educationalLevel: level,
                timeRequired: duration, numberOfCredits: credits, price: price, instances: instances, teaches: teaches,
                keywords: keywords, dateModified: dateModified, learningMode: learningMode, sectors: sectors,
                status: status, isDemo: isDemo, extra: reader.unread.filter { !knownFields.contains($0.key) }))
    }

    private static func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "«\(text)»" }
        return value.typeName
    }

    private static func readLanguages(_ reader: inout RecordReader) -> LanguageList? {
        guard let value = reader.value("inLanguage") else { return nil }
        func check(_ code: String, _ reader: inout RecordReader) -> Bool {
            guard languages.contains(code) else {
                reader.problem("inLanguage", "ukjent språk «\(code)»; tillatt: «nb», «nn», «en»")
                return false
            }
            return true
        }
        switch value {
        case .string(let code):
            return check(code, &reader) ? .single(code) : nil
        case .array(let items):
            var codes: [String] = []
            for item in items {
                guard case .string(let code) = item else {
                    reader.problem("inLanguage", "listen skal bare inneholde tekst, men har \(item.typeName)")
                    return nil
                }
                guard check(code, &reader) else { return nil }
                codes.append(code)
            }
            return .list(codes)
        default:
            reader.problem("inLanguage", "skal være tekst eller en liste, men er \(value.typeName)")
            return nil
        }
    }

    private static func readInstances(_ reader: inout RecordReader) -> [CourseInstance] {
        guard let items = reader.optionalArray("hasCourseInstance") else { return [] }
        var instances: [CourseInstance] = []
        for (position, item) in items.enumerated() {
            let field = "hasCourseInstance[\(position)]"
            guard case .object(let object) = item else {
                reader.problem(field, "skal være et objekt, men er \(item.typeName)")
                continue
            }
            var nested = RecordReader(object: object, file: reader.file, record: reader.record)
            var mode: CourseMode?
            if let text = nested.optionalString("courseMode", maxLength: 100) {
                mode = CourseMode(rawValue: text)
                if mode == nil { nested.problem("courseMode", "ukjent verdi «\(text)»; tillatt: «online», «onsite», «blended»") }
            }
            let instance = CourseInstance(
                mode: mode, startDate: nested.optionalString("startDate", maxLength: 100),
                endDate: nested.optionalString("endDate", maxLength: 100),
                location: nested.optionalString("location", maxLength: Limits.shortText))
            reader.absorb(nested, prefix: field)
            instances.append(instance)
        }
        return instances
    }

    private static func readTeaches(_ reader: inout RecordReader) -> [TaughtTerm] {
        guard let items = reader.optionalArray("teaches") else { return [] }
        var terms: [TaughtTerm] = []
        for (position, item) in items.enumerated() {
            let field = "teaches[\(position)]"
            guard case .object(let object) = item else {
                reader.problem(field, "skal være et objekt ({\"@type\":\"DefinedTerm\",…}), men er \(item.typeName)")
                continue
            }
            var nested = RecordReader(object: object, file: reader.file, record: reader.record)
            let code = nested.optionalString("termCode", maxLength: 100)
            let name = nested.optionalString("name", maxLength: Limits.name)
            if code == nil, name == nil, nested.problems.isEmpty {
                nested.problem(nil, "må ha termCode eller name")
            }
            reader.absorb(nested, prefix: field)
            terms.append(TaughtTerm(code: code, name: name))
        }
        return terms
    }

    private static func readKeywords(_ reader: inout RecordReader) -> KeywordList? {
        guard let value = reader.value("keywords") else { return nil }
        switch value {
        case .string(let text):
            return reader.check(string: value, field: "keywords", maxLength: Limits.shortText, required: false) == nil
                ? nil : .text(text)
        case .array(let items):
            var words: [String] = []
            for item in items {
                guard let word = reader.check(string: item, field: "keywords", maxLength: Limits.name, required: false)
                else { return nil }
                words.append(word)
            }
            return .list(words)
        default:
            reader.problem("keywords", "skal være tekst eller en liste, men er \(value.typeName)")
            return nil
        }
    }

    private static func readLearningMode(_ reader: inout RecordReader) -> LearningMode? {
        guard let value = reader.value("learningMode") else { return nil }
        let text: String? =
            switch value {
            case .string(let text): text
            case .number(let number): Int(exactly: number).map(String.init)
            default: nil
            }
        guard let text, let mode = LearningMode(rawValue: text) else {
            reader.problem("learningMode", "skal være «70», «20» eller «10»")
            return nil
        }
        return mode
    }

    private static func readSectors(_ reader: inout RecordReader) -> [Sector] {
        guard let value = reader.value("sector") else { return [] }
        let texts: [JSONValue] = value.arrayValue ?? [value]
        var sectors: [Sector] = []
        for item in texts {
            guard case .string(let text) = item, let sector = Sector(rawValue: text) else {
                reader.problem("sector", "ukjent sektor; tillatt: «stat», «kommune», «fylkeskommune», «privat»")
                return []
            }
            sectors.append(sector)
        }
        return sectors
    }

    /// The record of a measure, with unknown fields restored.
    static func object(for measure: Measure) -> [String: JSONValue] {
        var object = measure.extra
        object["@type"] = .string("Course")
        object["identifier"] = .string(measure.identifier)
        object["name"] = .string(measure.name)
        object["description"] = .string(measure.description)
        var provider: [String: JSONValue] = ["@type": .string("Organization"), "name": .string(measure.provider.name)]
        if let url = measure.provider.url { provider["url"] = .string(url) }
        object["provider"] = .object(provider)
        if let url = measure.url { object["url"] = .string(url) }
        switch measure.inLanguage {
        case .single(let code): object["inLanguage"] = .string(code)
        case .list(let codes): object["inLanguage"] = .array(codes.map(JSONValue.string))
        case nil: break
        }
        if let type = measure.resourceType { object["learningResourceType"] = .string(type.rawValue) }
        if let audience = measure.audience {
            object["audience"] = .object(["@type": .string("Audience"), "audienceType": .string(audience)])
        }
        if let level = measure.educationalLevel { object["educationalLevel"] = .string(level.rawValue) }
        if let duration = measure.timeRequired { object["timeRequired"] = .string(duration.text) }
        if let credits = measure.numberOfCredits { object["numberOfCredits"] = .number(credits) }
        if let price = measure.price {
            var offer = price.extra
            offer["@type"] = offer["@type"] ?? .string("Offer")
            offer["price"] = .number(price.amount)
            offer["priceCurrency"] = .string(price.currency)
            object["offers"] = .object(offer)
        }
        if !measure.instances.isEmpty {
            object["hasCourseInstance"] = .array(
                measure.instances.map { instance in
                    var item: [String: JSONValue] = ["@type": .string("CourseInstance")]
                    if let mode = instance.mode { item["courseMode"] = .string(mode.rawValue) }
                    if let start = instance.startDate { item["startDate"] = .string(start) }
                    if let end = instance.endDate { item["endDate"] = .string(end) }
                    if let location = instance.location { item["location"] = .string(location) }
                    return .object(item)
                })
        }
        if !measure.teaches.isEmpty {
            object["teaches"] = .array(
                measure.teaches.map { term in
                    var item: [String: JSONValue] = ["@type": .string("DefinedTerm")]
                    if let code = term.code { item["termCode"] = .string(code) }
                    if let name = term.name { item["name"] = .string(name) }
                    return .object(item)
                })
        }
        switch measure.keywords {
        case .text(let text): object["keywords"] = .string(text)
        case .list(let words): object["keywords"] = .array(words.map(JSONValue.string))
        case nil: break
        }
        if let date = measure.dateModified { object["dateModified"] = .string(date) }
        if let mode = measure.learningMode { object["learningMode"] = .string(mode.rawValue) }
        if !measure.sectors.isEmpty { object["sector"] = .array(measure.sectors.map { .string($0.rawValue) }) }
        if let status = measure.status { object["creativeWorkStatus"] = .string(status) }
        if measure.isDemo { object["demo"] = .bool(true) }
        return object
    }
}

extension RecordReader {
    /// Takes over the problems of a nested reader, prefixing their fields with the parent field.
    mutating func absorb(_ nested: RecordReader, prefix: String) {
        for var problem in nested.problems {
            problem.field = problem.field.map { $0.hasPrefix(prefix) ? $0 : "\(prefix).\($0)" } ?? prefix
            self.problem(problem.field, problem.message)
        }
    }
}
