/// Errors raised by the store.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The store was used after `shutdown()`.
    case shutDown
    /// The database URL or folder could not be used.
    case configuration(String)
    /// A stored record could not be read back.
    case corruptRecord(table: String, key: String, reason: String)
    /// A migration failed.
    case migration(version: Int, name: String, reason: String)
    /// A record with the same unique value already exists.
    case conflict(String)

    public var description: String {
        switch self {
        case .shutDown: "databasen er stengt"
        case .configuration(let message): "databaseoppsett: \(message)"
        case .corruptRecord(let table, let key, let reason): "kunne ikke lese \(table) «\(key)»: \(reason)"
        case .migration(let version, let name, let reason): "migrering \(version) (\(name)) feilet: \(reason)"
        case .conflict(let what): "\(what) finnes allerede"
        }
    }
}
