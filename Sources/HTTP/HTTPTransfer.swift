import CLibCurl
import Durations

/// HTTP over libcurl: a well-kept C library, loaded anyway beside libpq's OpenSSL, that brings TLS
/// with certificate and host-name verification, CONNECT tunnels and time limits without a
/// networking runtime in the process. Each call is one blocking exchange on a fresh connection;
/// the job makes at most a handful, one after another.
package enum HTTPTransfer {
    /// libcurl's one-time global set-up; Swift runs a static's initializer exactly once.
    private static let globalSetUp: CURLcode = curl_global_init(dt_curl_global_default)

    package static func perform(_ request: HTTPRequest) throws -> HTTPResponse {
        guard globalSetUp == CURLE_OK else {
            throw HTTPTransferError(kind: .other, description: "libcurl could not initialise")
        }
        guard let handle = curl_easy_init() else {
            throw HTTPTransferError(kind: .other, description: "libcurl could not create a handle")
        }
        defer { curl_easy_cleanup(handle) }
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        // The body is small and already in memory: no "Expect: 100-continue" round trip.
        headerList = curl_slist_append(headerList, "Expect:")

        let collector = ResponseCollector(limit: request.responseLimit)
        let collectorPointer = Unmanaged.passUnretained(collector).toOpaque()
        var options = OptionSetter(handle: handle)
        options.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorText))
        options.set(CURLOPT_URL, request.url)
        options.set(CURLOPT_PROTOCOLS_STR, "http,https")
        options.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        options.set(CURLOPT_FOLLOWLOCATION, 0)
        // No signals: libcurl's resolver runs on a thread of its own, and a timeout by SIGALRM would
        // not be safe beside it.
        options.set(CURLOPT_NOSIGNAL, 1)
        options.set(CURLOPT_TIMEOUT_MS, request.timeout.positiveWholeMilliseconds)
        options.set(CURLOPT_CONNECTTIMEOUT_MS, min(request.connectTimeout.positiveWholeMilliseconds, request.timeout.positiveWholeMilliseconds))
        options.set(CURLOPT_SSL_VERIFYPEER, 1)
        options.set(CURLOPT_SSL_VERIFYHOST, 2)
        configureTrust(request.trust, with: &options)
        configureProxy(request.proxy, with: &options)
        options.set(CURLOPT_HTTPHEADER, list: headerList)
        switch request.method {
        case .get:
            options.set(CURLOPT_HTTPGET, 1)
        case .post:
            options.set(CURLOPT_POST, 1)
            options.set(CURLOPT_POSTFIELDSIZE, request.body.count)
            request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS: libcurl keeps its own copy, so no pointer outlives this closure.
                options.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
        }
        options.set(CURLOPT_WRITEFUNCTION, callback: ResponseCollector.bodyCallback)
        options.set(CURLOPT_WRITEDATA, pointer: collectorPointer)
        options.set(CURLOPT_HEADERFUNCTION, callback: ResponseCollector.headerCallback)
        options.set(CURLOPT_HEADERDATA, pointer: collectorPointer)
        if let failed = options.failure {
            throw HTTPTransferError(kind: .other, description: "libcurl refused an option: \(describe(failed, errorText))")
        }

        let result = withExtendedLifetime(collector) { curl_easy_perform(handle) }
        guard result == CURLE_OK || (result == CURLE_WRITE_ERROR && collector.truncated) else {
            throw HTTPTransferError(kind: kind(of: result), description: describe(result, errorText))
        }
        var status = 0
        _ = dt_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, reason: collector.reason, headers: collector.headers, body: collector.body)
    }

    private static func configureTrust(_ trust: Trust, with options: inout OptionSetter) {
        switch trust {
        case .file(let path):
            options.set(CURLOPT_CAINFO, path)
            options.set(CURLOPT_CAPATH, pointer: nil)  // that file alone, not the system's as well
        case .directory(let path):
            options.set(CURLOPT_CAPATH, path)
            options.set(CURLOPT_CAINFO, pointer: nil)
        case .system:
            // libcurl's default reads the system's whole bundle file, parsing every certificate
            // in it (~140: about 1 MB and 40 ms) for each handshake. The same certificates in the
            // system's hashed directory are looked up by subject, one or two, when needed. Where
            // there is no such directory, libcurl's default stands.
            if let directory = Trust.systemDirectory {
                options.set(CURLOPT_CAPATH, directory)
                options.set(CURLOPT_CAINFO, pointer: nil)
            }
        }
    }

    private static func configureProxy(_ proxy: HTTPProxy?, with options: inout OptionSetter) {
        // An empty proxy and no-proxy list keep libcurl from reading http_proxy, NO_PROXY and the
        // like itself: the caller has already decided.
        options.set(CURLOPT_NOPROXY, "")
        guard let proxy else {
            options.set(CURLOPT_PROXY, "")
            return
        }
        let host = proxy.host.contains(":") ? "[\(proxy.host)]" : proxy.host
        options.set(CURLOPT_PROXY, "http://\(host):\(proxy.port)")
        options.set(CURLOPT_PROXYTYPE, Int(CURLPROXY_HTTP.rawValue))
        // The tunnel's own "200 Connection established" is not the server's answer.
        options.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        if let username = proxy.username {
            options.set(CURLOPT_PROXYAUTH, dt_curl_auth_basic)
            options.set(CURLOPT_PROXYUSERNAME, username)
            options.set(CURLOPT_PROXYPASSWORD, proxy.password ?? "")
        }
    }

    private static func kind(of code: CURLcode) -> HTTPTransferError.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .couldNotConnect
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE: .tls
        default: .other
        }
    }

    /// libcurl's detailed message when it left one, else the code's generic text; one line.
    private static func describe(_ code: CURLcode, _ errorText: UnsafeMutablePointer<CChar>) -> String {
        let detail = String(cString: errorText)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// Sets options one after another and remembers the first that libcurl refused.
private struct OptionSetter {
    let handle: UnsafeMutableRawPointer
    private(set) var failure: CURLcode?

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    private mutating func check(_ code: CURLcode) {
        if code != CURLE_OK && failure == nil { failure = code }
    }

    mutating func set(_ option: CURLoption, _ value: Int) {
        check(dt_curl_set_long(handle, option, value))
    }

    mutating func set(_ option: CURLoption, _ value: String) {
        check(dt_curl_set_string(handle, option, value))  // libcurl copies strings
    }

    mutating func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
        check(dt_curl_set_pointer(handle, option, pointer))
    }

    mutating func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) {
        check(dt_curl_set_list(handle, option, list))
    }

    mutating func set(_ option: CURLoption, callback: curl_write_callback) {
        check(dt_curl_set_callback(handle, option, callback))
    }
}

/// What libcurl hands back while a transfer runs: header lines and body bytes, the body capped.
private final class ResponseCollector {
    let limit: Int
    var reason = ""
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    var truncated = false

    init(limit: Int) {
        self.limit = limit
    }

    static let bodyCallback: curl_write_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let room = collector.limit - collector.body.count
        let bytes = UnsafeRawBufferPointer(start: data, count: min(length, max(room, 0)))
        collector.body.append(contentsOf: bytes)
        if length > room {
            collector.truncated = true
            return 0  // enough read: stop the transfer
        }
        return length
    }

    static let headerCallback: curl_write_callback = { data, size, count, context in
        guard let data, let context else { return 0 }
        let collector = Unmanaged<ResponseCollector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingSuffix { $0.isNewline }  // "\r\n" is one Character
        collector.take(line)
        return length
    }

    /// One header line; a status line starts a new response (an interim 1xx's headers are dropped).
    func take(_ line: Substring) {
        if line.hasPrefix("HTTP/") {
            headers = []
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            reason = parts.count == 3 ? String(parts[2].prefix(100)) : ""  // it ends up in an error line
        } else if let colon = line.firstIndex(of: ":"), headers.count < 200 {
            let name = line[..<colon]
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((String(name), String(value.trimmingSuffix { $0 == " " || $0 == "\t" })))
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
