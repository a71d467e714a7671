// swift-tools-version:6.0
// A harness for Benchmarks/bench.py --jwt-kit: vapor/jwt-kit's X5CVerifier on the same signed transactions as
// jwtlint. Its own package, not part of jwtlint's: it builds swift-crypto (BoringSSL) and takes minutes.
import PackageDescription

let package = Package(
    name: "jwtkit-bench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/jwt-kit.git", exact: "5.8.0"),
    ],
    targets: [
        .executableTarget(
            name: "jwtkit-verify",
            dependencies: [.product(name: "JWTKit", package: "jwt-kit")]
        ),
    ]
)
