import Foundation
import Hummingbird
import HummingbirdCore

extension URI {
    /// Query parameters as HTML forms send them (`application/x-www-form-urlencoded`): `+` is a space.
    /// Hummingbird's `queryParameters` percent-decodes but keeps `+`, so «digital ledelse» typed into a GET
    /// form would arrive as «digital+ledelse».
    var formParameters: Parameters {
        guard let query, !query.isEmpty else { return Parameters() }
        func decode(_ part: Substring) -> Substring {
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            return Substring(spaced.removingPercentEncoding ?? spaced)
        }
        return Parameters(
            query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (key: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
            })
    }
}
