public import ArgumentParser

/// `--kid`, declared once for every command that checks tokens with a key (`lint`, `diagnose`, `sign`, `serve`):
/// the key ID a token's header must name. (`offer-signature --kid` is another thing, the key ID the app passes,
/// and is declared there.)
public struct KeyIDOption: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp(
        "The key ID (header kid). Default: the ID in the key file's name (SubscriptionKey_<ID>.p8, AuthKey_<ID>.p8).",
        valueName: "id"))
    public var kid: String?

    public init() {}
}
