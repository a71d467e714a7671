// swift-tools-version: 6.1
import PackageDescription

// A package that uses JWTLint as a test suite would: it depends on the library by path and lints from Swift
// Testing tests. .ci/run builds and runs it (`swift test --package-path Tests/Fixtures/Consumer`), so a change to
// the public API that would break such a user fails CI.
let package = Package(
    name: "JWTLintConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The main package, whatever its folder is called.
        .package(name: "jwtlint", path: "../../.."),
    ],
    targets: [
        .testTarget(name: "ConsumerTests", dependencies: [.product(name: "JWTLint", package: "jwtlint")]),
    ]
)
