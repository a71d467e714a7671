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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only for `swift package generate-documentation` (the library's DocC catalog, built in CI with warnings
        // as errors); it adds nothing to what the library or the binary link.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
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
                "JWTLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JWTLintTests",
            dependencies: ["JWTLint"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JWTLintCLITests",
            dependencies: ["JWTLint", "JWTLintCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
    ]
)
