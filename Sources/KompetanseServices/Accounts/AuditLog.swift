import KompetanseDomain
import KompetanseStore

/// Records who did what to which record, and shows the log to administrators. Writing never fails the action
/// silently: a failed append fails the call that caused it.
public struct AuditLog: Sendable {
    let store: any Store
    let clock: any Clock

    /// Appends an event for the acting principal.
    public func record(
        _ action: String, by principal: Principal, kind: String, target: String, detail: String = ""
    ) async throws {
        try await store.audit.append(
            AuditEvent(
                at: clock.timestamp(), actor: principal.name, action: action, targetKind: kind, target: target,
                detail: detail))
    }

    /// A page of events, newest first, with the total; administrators only.
    public func events(page: Int, pageSize: Int = 50, as principal: Principal) async throws -> (events: [AuditEvent], total: Int) {
        try principal.require(.readAudit, "lese revisjonsloggen")
        let page = max(1, page)
        return (try await store.audit.events(limit: pageSize, offset: (page - 1) * pageSize), try await store.audit.count())
    }
}
