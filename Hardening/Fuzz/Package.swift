// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for jwtlint (see ../README.md, "Fuzzing"). Built only by ../fuzz.sh, with the fuzzer and
// address sanitizers:
//
//     swift build --package-path Hardening/Fuzz -c release --sanitize=fuzzer \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
//
// `-enable-testing` is for the targets' `@testable import JWTLint`: they fuzz what the library keeps to jwtlint's own
// targets (package access), which a separate package cannot otherwise reach.
// `--sanitize=fuzzer` tells SwiftPM not to rename each executable's `main` (libFuzzer supplies `main`);
// `-Xswiftc -sanitize=fuzzer,address` instruments every Swift module for coverage and ASan (the driver keeps only
// the last `-sanitize=`, so two `--sanitize` options would lose the fuzzer's coverage).
let package = Package(
    name: "jwtlint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The main package, whatever its folder is called.
        .package(name: "jwtlint", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "JWTLint", package: "jwtlint")]),
        .executableTarget(name: "FuzzToken", dependencies: ["FuzzSupport", .product(name: "JWTLint", package: "jwtlint")]),
        .executableTarget(name: "FuzzKey", dependencies: ["FuzzSupport", .product(name: "JWTLint", package: "jwtlint")]),
        .executableTarget(name: "FuzzRequest", dependencies: ["FuzzSupport", .product(name: "JWTLint", package: "jwtlint")]),
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzSupport", .product(name: "JWTLint", package: "jwtlint")]),
        .executableTarget(name: "FuzzOffer", dependencies: ["FuzzSupport", .product(name: "JWTLint", package: "jwtlint")]),
    ]
)
