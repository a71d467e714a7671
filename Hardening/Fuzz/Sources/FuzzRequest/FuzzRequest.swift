// FuzzRequest: what `jwtlint diagnose` reads after a 401 (a token, a Bearer value, an Authorization header line,
// a curl command or a raw HTTP request) and, after the first NUL byte if there is one, Apple's saved response;
// read, then diagnosed with key A at a fixed time, every value expected.
import FuzzSupport
@testable import JWTLint

let options = Fixture.options(expecting: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = Fixture.memoryHygiene
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0)
    let request = CapturedRequest.parse(FuzzInput.text(bytes[..<(split ?? size)]))
    let response = split.map { AppleResponse.parse(FuzzInput.text(bytes[($0 + 1)...])) }
    let diagnosis = Diagnosis.diagnose(request, response: response, options: options)

    require(!diagnosis.causes.isEmpty, "no cause given")
    require(zip(diagnosis.causes, diagnosis.causes.dropFirst()).allSatisfy { $0.likelihood >= $1.likelihood }, "causes not ranked")
    require((diagnosis.result == nil) == (request.tokenLine == nil), "a token line was not linted")
    if let status = response?.status, response?.requestID == nil { Sink.use("\(status)") }
    for cause in diagnosis.causes {
        Sink.use(cause.title + cause.fix + cause.source + cause.evidence.joined())
    }
    if let line = request.tokenLine { Sink.use(TokenFingerprint.of(line)) }
    return 0
}
