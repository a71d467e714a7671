#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Dispatch
package import JWTLint
internal import NIOConcurrencyHelpers

/// What the stand-in made of one request: kept for the watch page and written as one JSON line to the log.
struct RequestRecord: Sendable {
    /// The request ID, as the 401 body gives it.
    let id: String
    /// When it came, in Unix milliseconds.
    let time: Int64
    let method: String
    let path: String
    let status: Int
    /// `accepted` (the token passed), `refused` (Apple's 401) or `open` (no token needed: the page).
    let verdict: String
    /// The token's fingerprint, never the token.
    let token: String?
    let findings: [Finding]

    /// The record as one JSON object.
    var json: JSONValue {
        .object(JSONObject(members: [
            .init(name: "requestId", value: .string(id)), .init(name: "time", value: .integer(time)),
            .init(name: "request", value: .string("\(method) \(path)")), .init(name: "status", value: .integer(Int64(status))),
            .init(name: "verdict", value: .string(verdict)), .init(name: "token", value: token.map(JSONValue.string) ?? .null),
            .init(name: "findings", value: .array(findings.map(Self.json))),
        ]))
    }

    /// A finding as the log and the page carry it: the members of a finding in `jwtlint lint --format json`.
    static func json(_ finding: Finding) -> JSONValue {
        .object(JSONObject(members: [
            .init(name: "rule", value: .string(finding.rule.rawValue)), .init(name: "severity", value: .string(finding.severity.rawValue)),
            .init(name: "message", value: .string(finding.message)), .init(name: "hint", value: .string(finding.hint)),
        ]))
    }
}

/// Keeps the latest records for the page and writes each as a JSON line to a file or standard error, on a thread of
/// its own: a slow disk or a pipe nobody reads never holds up a request. Lines wait in memory up to 8 MiB; beyond
/// that they are dropped and counted, and the count is written when the writer catches up.
final class RequestLog: Sendable {
    private struct State {
        /// A ring of the latest records: the `count`-th record ever is at `(count - 1) % kept`.
        var ring: [RequestRecord] = []
        var count = 0
        /// Bytes handed to the writer and not yet written.
        var pendingBytes = 0
        /// Lines dropped since the writer last caught up.
        var dropped = 0
    }

    /// How many records the page can show.
    static let kept = 500
    /// How many bytes of lines may wait for the writer.
    static let pendingLimit = 8 * 1024 * 1024
    private let state = NIOLockedValueBox(State())
    private let descriptor: Int32
    private let writer = DispatchQueue(label: "jwtlint.serve.log")

    /// A log writing to the file descriptor `descriptor` (opened for appending).
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func add(_ record: RequestRecord) {
        var line = JSONWriter()
        line.value(record.json)
        line.bytes.append(0x0A)
        let bytes = line.bytes
        let accepted = state.withLockedValue { state -> Bool in
            if state.ring.count < Self.kept {
                state.ring.append(record)
            } else {
                state.ring[state.count % Self.kept] = record
            }
            state.count += 1
            guard state.pendingBytes + bytes.count <= Self.pendingLimit else {
                state.dropped += 1
                return false
            }
            state.pendingBytes += bytes.count
            return true
        }
        guard accepted else { return }
        writer.async { [state, descriptor] in
            Self.writeAll(bytes, to: descriptor)
            let dropped = state.withLockedValue { state -> Int in
                state.pendingBytes -= bytes.count
                defer { state.dropped = 0 }
                return state.dropped
            }
            if dropped > 0 {
                Self.writeAll(Array("{\"droppedLogLines\":\(dropped)}\n".utf8), to: descriptor)
            }
        }
    }

    /// Waits until every line handed over so far is written.
    func flush() {
        writer.sync {}
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// The records after the `after`-th (counting from 1 since start), at most ``kept``, oldest first, and the count
    /// so far.
    func records(after: Int) -> (records: [RequestRecord], count: Int) {
        state.withLockedValue { state in
            let first = min(max(after, state.count - state.ring.count), state.count)
            return ((first..<state.count).map { state.ring[$0 % Self.kept] }, state.count)
        }
    }
}
