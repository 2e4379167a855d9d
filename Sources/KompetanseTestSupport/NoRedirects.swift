import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP exchange that does not follow redirects, so a test sees where a server (the OpenID provider) sends
/// the browser.
public final class NoRedirects: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private var continuation: CheckedContinuation<(status: Int, location: String?), any Error>?
    private var status = 0
    private var location: String?

    /// Sends the request; returns the status and the `Location` header of the first response.
    public static func send(_ request: URLRequest) async throws -> (status: Int, location: String?) {
        let delegate = NoRedirects()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            delegate.continuation = continuation
            session.dataTask(with: request).resume()
        }
    }

    public func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        status = response.statusCode
        location = response.value(forHTTPHeaderField: "Location")
        completionHandler(nil)
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if status == 0, let http = task.response as? HTTPURLResponse {
            status = http.statusCode
            location = http.value(forHTTPHeaderField: "Location")
        }
        if let error, status == 0 { continuation?.resume(throwing: error) } else { continuation?.resume(returning: (status, location)) }
        continuation = nil
    }
}
