#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The stand-in behind a real HTTP/1.1 server on SwiftNIO: keep-alive and pipelined requests answered in order,
/// bodies up to 1 MB, headers up to SwiftNIO's limit (80 KB; more is a 400), idle connections closed after 30
/// seconds, a clean stop on SIGINT or SIGTERM. The stand-in answers on the thread that read the request.
package enum StandInServer {
    /// The largest request body read.
    static let maximumBody = 1024 * 1024
    /// How long a connection may stay silent.
    static let idleTimeout = TimeAmount.seconds(30)
    /// How long a stop waits for the connections' answers in progress.
    static let stopGrace = TimeAmount.seconds(5)

    /// Serves `standIn` on `host`:`port` (0 picks a free port) until SIGINT or SIGTERM; `onRunning` gets the base URL
    /// once the socket listens.
    package static func run(_ standIn: StandIn, host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let connections = OpenConnections()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    connections.add(channel)
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(IdleStateHandler(allTimeout: idleTimeout))
                    try pipeline.addHandler(StandInHTTPHandler(standIn: standIn))
                }
            }
            .bind(host: host, port: port).get()

        // SIGINT and SIGTERM stop accepting; then every connection closes once its answer in progress is sent.
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.close(promise: nil) }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }

        let bound = server.localAddress?.port ?? port
        onRunning("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)")
        try await server.closeFuture.get()
        await connections.quiesce(within: stopGrace)
    }
}

/// The connections open now, so that a stop can let each finish its answer and close.
private final class OpenConnections: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        channels.withLockedValue { $0[id] = channel }
        channel.closeFuture.whenComplete { [channels] _ in _ = channels.withLockedValue { $0.removeValue(forKey: id) } }
    }

    /// Asks every connection to close after its answer in progress, and closes those still open after `grace`.
    /// (Not SwiftNIO's `ChannelShouldQuiesceEvent`: with its error handler, a connection holding half a request
    /// stops the process when it closes.)
    func quiesce(within grace: TimeAmount) async {
        let open = channels.withLockedValue { Array($0.values) }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(StopEvent())
            channel.eventLoop.scheduleTask(in: grace) { channel.close(promise: nil) }
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
    }
}

/// Tells a connection's handler that the server stops: close now if no request is in progress, else after its answer.
private struct StopEvent {}

/// Reads one request at a time (SwiftNIO's pipeline handler holds back the next one of a pipelined series until
/// this one is answered), hands it to the stand-in, and writes its answer.
private final class StandInHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let standIn: StandIn
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// The body went over the limit: the 413 is sent, and the rest of the request is dropped.
    private var refused = false
    /// The server stops: the answer in progress is the connection's last.
    private var stopping = false

    init(standIn: StandIn) {
        self.standIn = standIn
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: true)
            refused = false
        case .body(let buffer):
            guard let head, !refused else { return }
            guard body.count + buffer.readableBytes <= StandInServer.maximumBody else {
                refused = true
                body = []
                let answer = StandInResponse.text(413, "The request body is over \(StandInServer.maximumBody / 1024) KB.\n")
                write(answer, to: head, closing: true, context: context)
                return
            }
            buffer.withUnsafeReadableBytes { body.append(contentsOf: $0) }
        case .end:
            // Cleared before the answer is written: writing it may hand this handler the next pipelined request.
            let finished = head
            head = nil
            guard let head = finished, !refused else { return }
            let request = StandInRequest(
                method: head.method.rawValue, target: head.uri, authorization: head.headers.first(name: "Authorization"), body: body)
            write(standIn.respond(to: request), to: head, closing: stopping, context: context)
        }
    }

    private func write(_ answer: StandInResponse, to head: HTTPRequestHead, closing: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.reserveCapacity(answer.headers.count + 2)
        for (name, value) in answer.headers { headers.add(name: name, value: value) }
        headers.add(name: "Content-Length", value: String(answer.body.count))
        let keepAlive = head.isKeepAlive && !closing
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if head.version.minor == 0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let status = HTTPResponseStatus(statusCode: answer.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD && !answer.body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: answer.body.count)
            buffer.writeBytes(answer.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else if event is StopEvent {
            stopping = true
            if head == nil { context.close(promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
