/// Why a call to the Prometheus HTTP API failed, as one line naming the URL and what was expected.
///
/// The URL never carries the bearer token (it travels in a header) and user information in the
/// base URL (`http://user:secret@host`) is removed before it is shown.
public struct PrometheusClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// No connection: refused, unknown host, network down.
        case unreachable
        /// No complete answer within the timeout.
        case timedOut
        /// An HTTP status other than 200 without a Prometheus error body.
        case httpStatus
        /// Prometheus answered `{"status": "error", "errorType": …, "error": …}`.
        case prometheusError
        /// The body is not JSON, or not the shape the endpoint documents.
        case malformedResponse
        /// The request could not be built (a bad base URL).
        case invalidRequest
    }

    /// What went wrong.
    public var kind: Kind
    /// The URL called, without credentials.
    public var url: String
    /// The rest of the line: what happened and what was expected.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, url: String, detail: String) {
        self.kind = kind
        self.url = url
        self.detail = detail
    }

    /// `<url>: <detail>` on one line.
    public var description: String {
        let line = "\(url): \(detail)"
        return line.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
