package import JWTLint

/// One HTTP request as the stand-in reads it: no server framework's types, so that every answer can be tested
/// without a socket.
package struct StandInRequest: Sendable {
    /// `GET`, `POST`, `PUT`, ...
    package var method: String
    /// The path, without the query: `/inApps/v1/transactions/2000000000000001`.
    package var path: String
    /// The query's parameters, in order; a name may repeat.
    package var query: [(name: String, value: String)]
    /// The `Authorization` header's value, if any.
    package var authorization: String?
    /// The body's bytes.
    package var body: [UInt8]

    /// A request.
    package init(method: String, path: String, query: [(name: String, value: String)] = [], authorization: String? = nil, body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.authorization = authorization
        self.body = body
    }

    /// The values of a query parameter.
    func values(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }
}

/// The stand-in's answer: a status, headers and a body.
package struct StandInResponse: Sendable {
    /// The HTTP status code.
    package var status: Int
    /// Headers beyond those every response has.
    package var headers: [(name: String, value: String)]
    /// The body's bytes.
    package var body: [UInt8]

    /// An answer.
    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    static func json(_ status: Int, _ value: JSONValue) -> StandInResponse {
        var writer = JSONWriter()
        writer.value(value)
        return StandInResponse(status: status, headers: [("Content-Type", "application/json")], body: writer.bytes)
    }

    /// An answer with no body.
    static func empty(_ status: Int) -> StandInResponse { StandInResponse(status: status) }

    /// A plain-text answer.
    static func text(_ status: Int, _ text: String, type: String = "text/plain; charset=utf-8") -> StandInResponse {
        StandInResponse(status: status, headers: [("Content-Type", type)], body: Array(text.utf8))
    }

    /// The value of a header, if set.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
