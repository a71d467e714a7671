import HTTPTypes
import Hummingbird
package import JWTLint
import Logging
import NIOCore

/// The stand-in behind a real HTTP/1.1 server (Hummingbird, on SwiftNIO): bodies up to 1 MB, headers up to
/// 64 KB, idle connections closed after 30 seconds, a clean stop on SIGINT or SIGTERM.
package enum StandInServer {
    /// The largest request body read.
    static let maximumBody = 1024 * 1024

    /// Serves `standIn` on `host`:`port` (0 picks a free port) until SIGINT or SIGTERM; `onRunning` gets the base URL
    /// once the socket listens.
    package static func run(_ standIn: StandIn, host: String, port: Int, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var body: [UInt8] = []
            if request.method != .get && request.method != .head {
                do {
                    var buffer = try await request.body.collect(upTo: maximumBody)
                    body = buffer.readBytes(length: buffer.readableBytes) ?? []
                } catch {
                    // Over the limit, or the client went away mid-body: nothing to hand the stand-in.
                    return Response(
                        status: .contentTooLarge, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "The request body is over \(maximumBody / 1024) KB.\n")))
                }
            }
            let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
            let exchange = StandInRequest(
                method: request.method.rawValue, path: request.uri.path, query: query,
                authorization: request.headers[.authorization], body: body)
            let answer = standIn.respond(to: exchange)
            var headers = HTTPFields()
            for (name, value) in answer.headers {
                if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
            }
            headers[.contentLength] = String(answer.body.count)
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        var logger = Logger(label: "jwtlint-serve")
        logger.logLevel = .critical
        let application = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onRunning("http://\(shownHost):\(bound)")
            },
            logger: logger)
        try await application.runService()
    }
}
