/// Numbers written the Norwegian way for explanations: decimal comma, no trailing zeros, spaces between
/// thousands. Pure and independent of the machine's locale.
public enum NorwegianNumber {
    /// The separator between groups of thousands: a no-break space, so "12 000" never wraps.
    public static let groupSeparator: Character = "\u{00A0}"

    /// `3` → "3", `3.5` → "3,5", `2.3333` → "2,33", `-0.5` → "-0,5"; with `grouping`, `12000` → "12 000".
    public static func text(_ value: Double, fractionDigits: Int = 2, grouping: Bool = false) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value.isNaN ? "–" : (value < 0 ? "-∞" : "∞") }
        let digits = max(0, min(fractionDigits, 6))
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let units = Int64((abs(value) * Double(scale)).rounded())
        var whole = String(units / scale)
        if grouping, whole.count > 4 {
            var grouped = ""
            for (offset, digit) in whole.enumerated() {
                if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(groupSeparator) }
                grouped.append(digit)
            }
            whole = grouped
        }
        var fraction = ""
        if digits > 0 {
            let rest = String(units % scale)
            fraction = String(repeating: "0", count: digits - rest.count) + rest
            while fraction.last == "0" { fraction.removeLast() }
        }
        let sign = units > 0 && value < 0 ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// A signed change: `1.5` → "+1,5", `-0.5` → "−0,5" (minus sign), `0` → "0".
    public static func change(_ value: Double) -> String {
        let magnitude = text(abs(value))
        if magnitude == "0" { return "0" }
        return (value < 0 ? "−" : "+") + magnitude
    }

    /// "12 000 kr".
    public static func kroner(_ value: Double) -> String {
        text(value, fractionDigits: 0, grouping: true) + " kr"
    }
}
