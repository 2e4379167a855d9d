/// An ISO 8601 duration such as `PT6H`, `P2D` or `P1Y6M`, kept verbatim with its length in hours.
///
/// Learner time is counted in working hours: a day is 7.5 hours, a week 37.5, a month 4 weeks, a year 12 months
/// (Norwegian normal working time), so "P2D" reads as two course days rather than 48 hours.
public struct ISODuration: Sendable, Hashable, Codable {
    /// The text as given.
    public var text: String
    /// Learner hours.
    public var hours: Double

    /// Hours in a course day.
    public static let hoursPerDay = 7.5

    /// Parses `P[nY][nM][nW][nD][T[nH][nM][nS]]`; returns `nil` for anything else.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingWhitespace().uppercased())
        guard rest.first == "P", rest.count > 1 else { return nil }
        rest.removeFirst()
        var inTime = false
        var hours = 0.0
        var number = ""
        var sawComponent = false
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            sawComponent = true
            switch (inTime, character) {
            case (false, "Y"): hours += value * 12 * 4 * 5 * Self.hoursPerDay
            case (false, "M"): hours += value * 4 * 5 * Self.hoursPerDay
            case (false, "W"): hours += value * 5 * Self.hoursPerDay
            case (false, "D"): hours += value * Self.hoursPerDay
            case (true, "H"): hours += value
            case (true, "M"): hours += value / 60
            case (true, "S"): hours += value / 3600
            default: return nil
            }
        }
        guard number.isEmpty, sawComponent else { return nil }
        self.text = text
        self.hours = hours
    }
}
