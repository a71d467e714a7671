// swift-tools-version: 6.0
import PackageDescription

// A package that runs jwtlint through the release's command plugin, as a server's package would in its own CI:
// `swift package jwtlint lint ...`. Tests/Plugin/check.sh copies it beside the plugin package that
// Scripts/release.sh makes (dist/jwtlint-plugin), with the vectors' key and sample tokens, and runs it.
let package = Package(
    name: "PluginUser",
    dependencies: [
        .package(path: "../jwtlint-plugin"),
    ],
    targets: [
        .target(name: "TokenServer"),
    ]
)
