import CompressNIO
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A real HTTP (or HTTPS) server on 127.0.0.1, standing in for PostHog's capture endpoint or the
/// Kubernetes API server. It records every request and answers from a script: a status with headers
/// and body, silence (the connection stays open, no answer), or a closed connection.
package final class HTTPStandIn: @unchecked Sendable {
    package enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: String)
        /// Never answer; keep the connection open.
        case hang
        /// Close the connection without answering.
        case close

        package static func status(_ code: Int, body: String = "", headers: [(String, String)] = []) -> Reply {
            .respond(status: code, headers: headers, body: body)
        }
    }

    package struct Request: Sendable {
        package let method: String
        package let uri: String
        package let headers: [(String, String)]
        package let body: [UInt8]
        package let receivedAt: Date

        package func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        /// The body, un-gzipped when it says it is gzip.
        package func decodedBody() throws -> [UInt8] {
            guard header("Content-Encoding") == "gzip" else { return body }
            var buffer = ByteBuffer(bytes: body)
            let plain = try buffer.decompress(with: .gzip())
            return Array(plain.readableBytesView)
        }

        package func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(try decodedBody()))
            guard let dictionary = object as? [String: Any] else { throw StandInError.notAnObject }
            return dictionary
        }
    }

    package enum StandInError: Error { case notAnObject }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: Channel
    private let state: NIOLockedValueBox<(replies: [Reply], fallback: Reply, requests: [Request])>
    package let port: Int
    package let scheme: String

    /// Starts the server. `replies` answer the requests in order; then `fallback` answers the rest.
    package init(replies: [Reply] = [], fallback: Reply = .status(200, body: #"{"status":1}"#), tls: NIOSSLContext? = nil) throws {
        let state = NIOLockedValueBox<(replies: [Reply], fallback: Reply, requests: [Request])>((replies, fallback, []))
        self.state = state
        scheme = tls == nil ? "http" : "https"
        channel = try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RecordingHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    package var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    package var requests: [Request] { state.withLockedValue { $0.requests } }

    package func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit { shutdown() }

    private final class RecordingHandler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let state: NIOLockedValueBox<(replies: [Reply], fallback: Reply, requests: [Request])>
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(state: NIOLockedValueBox<(replies: [Reply], fallback: Reply, requests: [Request])>) {
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body = []
            case .body(let buffer):
                body += buffer.readableBytesView
            case .end:
                guard let head else { return }
                let request = Request(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body, receivedAt: Date()
                )
                let reply = state.withLockedValue { value -> Reply in
                    value.requests.append(request)
                    return value.replies.isEmpty ? value.fallback : value.replies.removeFirst()
                }
                answer(reply, context: context)
            }
        }

        private func answer(_ reply: Reply, context: ChannelHandlerContext) {
            switch reply {
            case .hang:
                return
            case .close:
                context.close(promise: nil)
            case .respond(let status, let extraHeaders, let text):
                var headers = HTTPHeaders(extraHeaders)
                headers.replaceOrAdd(name: "Content-Length", value: String(text.utf8.count))
                if !headers.contains(name: "Content-Type") { headers.add(name: "Content-Type", value: "application/json") }
                let responseHead = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
                context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
