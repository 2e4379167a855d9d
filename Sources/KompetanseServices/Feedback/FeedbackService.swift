import KompetanseDomain
import KompetanseStore

/// Feedback on answers, documents, measures and matches: validated, stored, listed for editors.
public struct FeedbackService: Sendable {
    let store: any Store
    let clock: any Clock

    /// Stores feedback; a bad verdict, target or an overlong text is refused with a message naming the field.
    public func submit(
        target: String, reference: String, verdict: String, comment: String, as principal: Principal
    ) async throws -> Feedback {
        guard let target = Feedback.Target(rawValue: target) else {
            throw ServiceError.invalidInput(
                "ukjent «target» «\(target)»; tillatt: \(Feedback.Target.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let verdict = Feedback.Verdict(rawValue: verdict) else {
            throw ServiceError.invalidInput("«verdict» skal være riktig, feil eller mangler")
        }
        let reference = reference.trimmingWhitespace()
        guard !reference.isEmpty, reference.count <= Feedback.maximumReferenceLength else {
            throw ServiceError.invalidInput("«reference» mangler eller er for lang (høyst \(Feedback.maximumReferenceLength) tegn)")
        }
        guard comment.count <= Feedback.maximumCommentLength else {
            throw ServiceError.invalidInput("kommentaren er for lang (høyst \(Feedback.maximumCommentLength) tegn)")
        }
        let feedback = Feedback(
            target: target, reference: reference, verdict: verdict, comment: comment.trimmingWhitespace(),
            createdAt: clock.timestamp(), author: principal.name)
        try await store.feedback.add(feedback)
        return feedback
    }

    /// All feedback, newest first (for editors).
    public func all(as principal: Principal) async throws -> [Feedback] {
        try principal.require(.readFeedback, "lese tilbakemeldingene")
        return try await store.feedback.all()
    }
}
