import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PeriscopeDSL
import PeriscopeModel

/// A client of the Prometheus HTTP API (`/api/v1/…`, https://prometheus.io/docs/prometheus/latest/querying/api/).
///
/// It uses Foundation's `URLSession` (FoundationNetworking on Linux, which ships with the
/// toolchain) rather than async-http-client: a handful of sequential GET requests do not need
/// swift-nio's event loops, and every CI run would otherwise build swift-nio from source.
///
/// Every call has a timeout (`timeout`, 10 s by default) for the whole exchange, so nothing
/// hangs. Failures are `PrometheusClientError`s: one line with the URL and what was expected,
/// for an unreachable server, a timeout, a non-200 status, Prometheus' error JSON
/// (`status: error`, `errorType`, `error`) or a body of the wrong shape. The bearer token is sent
/// as `Authorization: Bearer …` and never appears in an error or a description.
public struct PrometheusClient: Sendable, CustomStringConvertible {
    /// The server's base URL (`http://prometheus:9090`, or with a path prefix such as `https://host/prometheus`).
    public let baseURL: URL
    /// Seconds each call may take in all (connecting, waiting and reading).
    public let timeout: Double
    private let bearerToken: String?
    private let session: URLSession

    /// The environment variable read for a bearer token when none is named.
    public static let defaultBearerTokenVariable = "PROMETHEUS_BEARER_TOKEN"
    /// The default timeout of a call, in seconds.
    public static let defaultTimeout = 10.0

    /// Creates a client; `bearerToken` is sent with every request when given.
    public init(baseURL: URL, timeout: Double = PrometheusClient.defaultTimeout, bearerToken: String? = nil) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.bearerToken = bearerToken.flatMap { $0.isEmpty ? nil : $0 }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["Accept": "application/json", "User-Agent": "periscope"]
        session = URLSession(configuration: configuration)
    }

    /// Creates a client for `address` (`http://host:9090`), the token read from the environment
    /// variable `tokenVariable` (nil: `PROMETHEUS_BEARER_TOKEN` when it is set).
    ///
    /// Throws `invalidRequest` for an address that is not an http(s) URL, and when the named
    /// variable is not set (a named variable that is missing is a mistake, not "no token").
    public init(address: String, timeout: Double = PrometheusClient.defaultTimeout, bearerTokenVariable tokenVariable: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(PrometheusClientError) {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw PrometheusClientError(.invalidRequest, url: Self.redacted(address),
                                        detail: "not a Prometheus address (expected an http or https URL such as http://localhost:9090)")
        }
        guard timeout > 0, timeout.isFinite else {
            throw PrometheusClientError(.invalidRequest, url: Self.redacted(address), detail: "timeout \(timeout) is not a positive number of seconds")
        }
        var token: String?
        if let tokenVariable {
            guard let value = environment[tokenVariable] else {
                throw PrometheusClientError(.invalidRequest, url: Self.redacted(address),
                                            detail: "the bearer token variable \(tokenVariable) is not set (expected the token in that environment variable)")
            }
            token = value
        } else {
            token = environment[Self.defaultBearerTokenVariable]
        }
        self.init(baseURL: url, timeout: timeout, bearerToken: token)
    }

    /// The base URL without credentials, and whether a token is sent (never the token).
    public var description: String {
        "Prometheus at \(Self.redacted(baseURL.absoluteString))\(bearerToken == nil ? "" : " (with a bearer token)")"
    }

    // MARK: Endpoints

    /// `/api/v1/metadata`: the type, help and unit of every metric family, by name (a family can
    /// have several entries when targets disagree).
    public func metadata() async throws(PrometheusClientError) -> [String: [MetricMetadata]] {
        let (data, url) = try await get("/api/v1/metadata")
        guard case .object(let members) = data else { throw malformed(url, "a map from metric names to metadata lists") }
        var result: [String: [MetricMetadata]] = [:]
        for member in members {
            guard case .array(let entries) = member.value else { throw malformed(url, "a list of metadata for '\(member.key)'") }
            result[member.key] = try entries.map { entry throws(PrometheusClientError) in
                guard case .string(let type)? = entry["type"] else { throw malformed(url, "a metadata entry with a type for '\(member.key)'") }
                return MetricMetadata(type: MetricType(metadataType: type) ?? .unknown, help: entry["help"]?.stringValue ?? "", unit: entry["unit"]?.stringValue ?? "")
            }
        }
        return result
    }

    /// `/api/v1/labels`: the label names of the series matching any of `selectors` (all series when empty), sorted.
    public func labelNames(matching selectors: [String] = []) async throws(PrometheusClientError) -> [String] {
        let (data, url) = try await get("/api/v1/labels", selectors.map { ("match[]", $0) })
        return try strings(data, url, "a list of label names").sorted()
    }

    /// `/api/v1/label/<name>/values`: the values of label `name` on the series matching any of
    /// `selectors` (all series when empty), sorted.
    public func labelValues(of name: String, matching selectors: [String] = []) async throws(PrometheusClientError) -> [String] {
        let (data, url) = try await get("/api/v1/label/\(Self.percentEncoded(name))/values", selectors.map { ("match[]", $0) })
        return try strings(data, url, "a list of label values").sorted()
    }

    /// `/api/v1/series`: the label sets of the series matching any of `selectors` (at least one).
    public func series(matching selectors: [String]) async throws(PrometheusClientError) -> [[String: String]] {
        let (data, url) = try await get("/api/v1/series", selectors.map { ("match[]", $0) })
        guard case .array(let items) = data else { throw malformed(url, "a list of series") }
        return try items.map { item throws(PrometheusClientError) in
            guard case .object(let members) = item else { throw malformed(url, "a series as a map of labels") }
            var labels: [String: String] = [:]
            for member in members {
                guard case .string(let value) = member.value else { throw malformed(url, "label values as strings") }
                labels[member.key] = value
            }
            return labels
        }
    }

    /// `/api/v1/query`: an instant query, evaluated at `time` (the server's now when nil). The
    /// result must be an instant vector (`count(…)`, `count by (l) (…)`).
    public func query(_ expression: String, at time: Date? = nil) async throws(PrometheusClientError) -> [VectorSample] {
        var parameters = [("query", expression)]
        if let time { parameters.append(("time", String(format: "%.3f", time.timeIntervalSince1970))) }
        let (data, url) = try await get("/api/v1/query", parameters)
        guard case .string(let type)? = data["resultType"] else { throw malformed(url, "a query result with resultType") }
        guard type == "vector" else { throw malformed(url, "an instant vector (resultType vector), got \(type)") }
        guard case .array(let items)? = data["result"] else { throw malformed(url, "a list of samples") }
        return try items.map { item throws(PrometheusClientError) in
            guard case .object(let metric)? = item["metric"], case .array(let pair)? = item["value"], pair.count == 2,
                  case .string(let text) = pair[1], let value = Double(text) else {
                throw malformed(url, "samples as {metric, value: [time, \"number\"]}")
            }
            var labels: [String: String] = [:]
            for member in metric { labels[member.key] = member.value.stringValue ?? "" }
            return VectorSample(labels: labels, value: value)
        }
    }

    /// The number of series `count(expression)` gives: 0 for an empty result.
    public func count(_ expression: String, at time: Date? = nil) async throws(PrometheusClientError) -> Int {
        let samples = try await query("count(\(expression))", at: time)
        guard let value = samples.first?.value else { return 0 }
        guard value.isFinite, value >= 0, value < 9e18, value == value.rounded() else {
            throw PrometheusClientError(.malformedResponse, url: Self.redacted(baseURL.absoluteString) + "/api/v1/query",
                                        detail: "count(…) gave \(value) (expected a whole number of series)")
        }
        return Int(value)
    }

    /// `/api/v1/status/tsdb`: head-block statistics. They cover only the head block (about the
    /// last two hours), not persisted blocks, so they are a hint, never the measurement.
    public func tsdbStatus() async throws(PrometheusClientError) -> TSDBStatus {
        let (data, url) = try await get("/api/v1/status/tsdb")
        func counts(_ key: String) throws(PrometheusClientError) -> [String: Int] {
            guard case .array(let items)? = data[key] else { return [:] }
            var result: [String: Int] = [:]
            for item in items {
                guard case .string(let name)? = item["name"], let value = item["value"]?.intValue else { throw malformed(url, "\(key) as {name, value} pairs") }
                result[name] = value
            }
            return result
        }
        return TSDBStatus(headSeries: data["headStats"]?["numSeries"]?.intValue,
                          seriesCountByMetricName: try counts("seriesCountByMetricName"),
                          labelValueCountByLabelName: try counts("labelValueCountByLabelName"))
    }

    // MARK: Transport

    /// GETs `path` with `parameters`; the `data` of a success answer, and the URL shown in errors.
    func get(_ path: String, _ parameters: [(String, String)] = []) async throws(PrometheusClientError) -> (JSONValue, String) {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path
        let shown = Self.redacted(text)
        if !parameters.isEmpty { text += "?" + parameters.map { "\(Self.percentEncoded($0.0))=\(Self.percentEncoded($0.1))" }.joined(separator: "&") }
        guard let url = URL(string: text) else { throw PrometheusClientError(.invalidRequest, url: shown, detail: "cannot build the request URL") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        if let bearerToken { request.setValue("Bearer \(bearerToken)", forHTTPHeaderField: "Authorization") }
        let body: Data
        let response: URLResponse
        do {
            (body, response) = try await send(request)
        } catch let error as URLError {
            throw Self.transportError(error, url: shown, timeout: timeout)
        } catch {
            throw PrometheusClientError(.unreachable, url: shown, detail: "request failed: \(error.localizedDescription) (expected a Prometheus server)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let parsed = JSONReader().read(Array(body), path: shown)
        if let root = parsed.document?.root, case .string(let outcome)? = root["status"] {
            if outcome == "error" {
                let type = root["errorType"]?.stringValue ?? "error"
                let message = root["error"]?.stringValue ?? "no message"
                throw PrometheusClientError(.prometheusError, url: shown, detail: "Prometheus answered \(status) \(type): \(message)")
            }
            if outcome == "success", status == 200, let data = root["data"] { return (data, shown) }
        }
        guard status == 200 else {
            let snippet = String(decoding: body.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw PrometheusClientError(.httpStatus, url: shown, detail: "HTTP \(status)\(snippet.isEmpty ? "" : " (\(snippet))") (expected 200 from the Prometheus HTTP API)")
        }
        if let error = parsed.error {
            throw PrometheusClientError(.malformedResponse, url: shown, detail: "the body is not JSON (\(error.message)); expected a Prometheus API answer {\"status\": \"success\", \"data\": …}")
        }
        throw malformed(shown, "a Prometheus API answer {\"status\": \"success\", \"data\": …}")
    }

    /// Sends `request`, failing with `URLError(.timedOut)` when no complete answer came within
    /// `timeout`. URLSession's own timeouts are idle timeouts, and an async `data(for:)` does not
    /// stop on task cancellation on every platform, so a timer resumes the caller and cancels
    /// the data task: the call returns on time whatever the transport does.
    private func send(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let once = ResumeOnce()
        let session = session, timeout = timeout
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), Error>) in
            let task = session.dataTask(with: request) { data, response, error in
                guard once.claim() else { return }
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }
            task.resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard once.claim() else { return }
                continuation.resume(throwing: URLError(.timedOut))
                task.cancel()
            }
        }
    }

    static func timeoutDetail(_ timeout: Double) -> String {
        "no answer within \(Self.seconds(timeout)) (expected a Prometheus server; raise --timeout for a slow one)"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func transportError(_ error: URLError, url: String, timeout: Double) -> PrometheusClientError {
        switch error.code {
        case .timedOut: return PrometheusClientError(.timedOut, url: url, detail: timeoutDetail(timeout))
        case .cannotConnectToHost: return PrometheusClientError(.unreachable, url: url, detail: "connection refused (expected a Prometheus server listening there)")
        case .cannotFindHost, .dnsLookupFailed: return PrometheusClientError(.unreachable, url: url, detail: "unknown host (expected a Prometheus server's address)")
        case .notConnectedToInternet, .networkConnectionLost:
            return PrometheusClientError(.unreachable, url: url, detail: "the connection failed (expected a Prometheus server)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return PrometheusClientError(.unreachable, url: url, detail: "the TLS handshake failed (expected a certificate this machine trusts)")
        default:
            return PrometheusClientError(.unreachable, url: url, detail: "request failed (\(error.code.rawValue): \(error.localizedDescription)); expected a Prometheus server")
        }
    }

    private func malformed(_ url: String, _ expected: String) -> PrometheusClientError {
        PrometheusClientError(.malformedResponse, url: url, detail: "unexpected answer (expected \(expected))")
    }

    private func strings(_ data: JSONValue, _ url: String, _ what: String) throws(PrometheusClientError) -> [String] {
        guard case .array(let items) = data else { throw malformed(url, what) }
        return try items.map { item throws(PrometheusClientError) in
            guard case .string(let text) = item else { throw malformed(url, what) }
            return text
        }
    }

    /// `text` with every byte but RFC 3986's unreserved ones percent-encoded (so `+` is not read as a space).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// `address` as shown in messages and file headers: without user information (`http://user:secret@host` → `http://host`).
    public static func shownAddress(_ address: String) -> String { redacted(address) }

    /// `address` without user information (`http://user:secret@host` → `http://host`).
    static func redacted(_ address: String) -> String {
        guard let schemeEnd = address.range(of: "://") else { return address }
        let rest = address[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return address }
        return String(address[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }
}

/// Lets exactly one of a request's completion and its timer resume the caller.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    /// True the first time only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}

/// One metadata entry of `/api/v1/metadata`.
public struct MetricMetadata: Sendable, Hashable {
    /// The type (`untyped` and unknown words are `unknown`).
    public var type: MetricType
    /// The help text.
    public var help: String
    /// The unit (empty when none).
    public var unit: String

    /// Creates an entry.
    public init(type: MetricType, help: String, unit: String) {
        self.type = type
        self.help = help
        self.unit = unit
    }
}

/// One sample of an instant vector.
public struct VectorSample: Sendable, Hashable {
    /// The labels.
    public var labels: [String: String]
    /// The value.
    public var value: Double

    /// Creates a sample.
    public init(labels: [String: String], value: Double) {
        self.labels = labels
        self.value = value
    }
}

/// What `/api/v1/status/tsdb` reports about the head block.
public struct TSDBStatus: Sendable, Hashable {
    /// Series in the head block.
    public var headSeries: Int?
    /// The top metrics by head series (Prometheus lists the top 10).
    public var seriesCountByMetricName: [String: Int]
    /// The top labels by distinct values in the head block.
    public var labelValueCountByLabelName: [String: Int]

    /// Creates a status.
    public init(headSeries: Int?, seriesCountByMetricName: [String: Int], labelValueCountByLabelName: [String: Int]) {
        self.headSeries = headSeries
        self.seriesCountByMetricName = seriesCountByMetricName
        self.labelValueCountByLabelName = labelValueCountByLabelName
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var intValue: Int? {
        switch self {
        case .int(let value): value
        case .double(let value) where value == value.rounded() && abs(value) < 9e18: Int(value)
        case .number(let text): Int(text)
        default: nil
        }
    }
}
