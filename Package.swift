// swift-tools-version: 6.1
import PackageDescription

// Names: the library target and product are `JWTLint` (what test suites import); the command users type is the
// executable product `jwtlint`, built from the target `JWTLintCLI`, so no two *targets* (folders under Sources/)
// differ only by letter case, which would collide on macOS's case-insensitive file systems.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "jwtlint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JWTLint", targets: ["JWTLint"]),
        .executable(name: "jwtlint", targets: ["JWTLintCLI"]),
        // `jwtlint serve`, the local App Store Server API, is a binary of its own, so that SwiftNIO
        // adds nothing to `jwtlint`'s binary or its start-up: `jwtlint serve` runs `jwtlint-serve` beside it.
        .executable(name: "jwtlint-serve", targets: ["JWTLintServe"]),
        // `swift package jwtlint ARGUMENTS` in a package that depends on this one: jwtlint built from source. The
        // release's plugin package (Scripts/release.sh) runs the same plugin on the release binary instead.
        .plugin(name: "JWTLintCommand", targets: ["JWTLintCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only for `swift package generate-documentation` (the library's DocC catalog, built in CI with warnings
        // as errors); it adds nothing to what the library or the binary link.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // The HTTP/1.1 server of `jwtlint serve`: event loops, sockets, HTTP/1.1 parsing with limits, keep-alive and
        // pipelining, idle timeouts, quiescing connections for a clean stop.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"]), .brew(["jansson"])]
        ),
        // OpenSSL's TLS (libssl), for the HTTPS client that sends notifications; only JWTLintHTTP imports it.
        .systemLibrary(
            name: "COpenSSLTLS",
            pkgConfig: "libssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // The zero-on-free allocator both C libraries are given when a program asks for it: a header of plain C.
        .systemLibrary(name: "CClearingAllocator"),
        .target(
            name: "JWTLint",
            dependencies: ["COpenSSL", "CJansson", "CClearingAllocator"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "JWTLintCLI",
            dependencies: [
                "JWTLint", "JWTLintServeArguments", "JWTLintHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // A small blocking HTTP/1.1 client over TCP or TLS, with one deadline per exchange: `jwtlint notify` sends
        // notifications with it, and the stand-in sends its test notifications with it, off the event loop.
        .target(
            name: "JWTLintHTTP",
            dependencies: ["JWTLint", "COpenSSLTLS"],
            swiftSettings: strictSettings
        ),
        // The options of `jwtlint serve`, declared once for both binaries: `jwtlint` shows them in --help and hands
        // them on; `jwtlint-serve` reads them.
        .target(
            name: "JWTLintServeArguments",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // The local App Store Server API: authentication as Apple does it, the endpoints, the watch page.
        .target(
            name: "JWTLintServer",
            dependencies: [
                "JWTLint", "JWTLintHTTP", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "JWTLintServe",
            dependencies: [
                "JWTLintServer", "JWTLintServeArguments", "JWTLint", "JWTLintHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "JWTLintCommand",
            capability: .command(intent: .custom(
                verb: "jwtlint",
                description: "Runs jwtlint (lint, diagnose, decode, rules, ...) in the package's folder; 'swift package jwtlint --help' lists them"
            )),
            dependencies: ["JWTLintCLI"]
        ),
        .testTarget(
            name: "JWTLintTests",
            dependencies: ["JWTLint"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JWTLintHTTPTests",
            dependencies: ["JWTLintHTTP"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JWTLintServerTests",
            dependencies: ["JWTLint", "JWTLintServer"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JWTLintCLITests",
            dependencies: [
                "JWTLint", "JWTLintCLI", "JWTLintServe", "JWTLintServeArguments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
