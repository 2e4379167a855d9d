import Crypto
import Foundation
import HummingbirdBcrypt

/// Random secrets and their hashes. Session, token and invitation secrets are stored only as SHA-256 hashes, so a
/// copy of the database does not let anyone sign in.
public enum Secrets {
    /// A new random secret: 32 bytes from the system's cryptographic generator, base64url without padding.
    public static func make(byteCount: Int = 32) -> String {
        // Eight bytes per call to the system generator, not one: a page view makes one of these.
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 8)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
        }
        return base64URL(Data(bytes.prefix(byteCount)))
    }

    /// SHA-256 of a secret, as lower-case hex.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 as base64url without padding (PKCE's S256 code challenge).
    public static func sha256Base64URL(_ text: String) -> String {
        base64URL(Data(SHA256.hash(data: Data(text.utf8))))
    }

    /// Base64url without padding.
    public static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two strings in time independent of where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// Hashes and checks passwords.
public protocol PasswordHasher: Sendable {
    /// A hash of the password, salted.
    func hash(_ password: String) -> String
    /// Whether the password matches the hash.
    func verify(_ password: String, hash: String) -> Bool
}

/// bcrypt (hummingbird-auth's implementation) with a configurable cost.
public struct BcryptPasswordHasher: PasswordHasher {
    /// The cost factor (log2 of rounds); 12 in production, the minimum 4 in tests.
    public let cost: UInt8

    /// Creates a hasher.
    public init(cost: UInt8) {
        self.cost = min(max(cost, 4), 31)
    }

    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
