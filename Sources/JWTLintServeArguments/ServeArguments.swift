public import ArgumentParser

/// The options of `jwtlint serve`, as both binaries read them: `jwtlint` shows them in its help and hands them on,
/// `jwtlint-serve` runs the server with them.
public struct ServeArguments: ParsableArguments {
    /// The overview `--help` gives.
    public static let abstract = "Run a local App Store Server API that answers like Apple's and explains its 401s."

    /// What `--help` teaches beyond the options.
    public static let discussion = """
        Point a client's base URL (Apple's libraries use https://api.storekit.apple.com or \
        https://api.storekit-sandbox.apple.com) at the URL this prints as its first line. Every request under \
        /inApps/ has its Authorization header linted under the app-store-server-api rules with --key, --issuer \
        and --bundle-id, as 'jwtlint lint' would: a token with an error gets Apple's 401 (body 'Unauthenticated', \
        a blank line, 'Request ID: ...'), with the rule IDs in the header X-JWTLint-Findings and a log record \
        (JSON lines) saying what is wrong and how to fix it. Tokens are never logged whole, only their fingerprint.

        The endpoints answer over the transactions in --data (or a small built-in set), with signedTransactionInfo, \
        signedRenewalInfo and signedPayload signed by a test chain shaped like Apple's, made at start-up: give its \
        root to your verifier with --write-root. Nothing it signs verifies against Apple's root.

        GET / shows a page that lists the requests as they come, with their findings and fixes, and judges a pasted \
        token, Authorization header or curl command.

        Notifications: with --notification-url, Request a Test Notification posts a signed TEST there, as Apple \
        posts to the URL set in App Store Connect (in order, on a thread of its own, once: Apple retries only in \
        production); Get Test Notification Status answers its real sendAttempts (SUCCESS, \
        UNSUCCESSFUL_HTTP_RESPONSE_CODE, TIMED_OUT, NO_RESPONSE, ...) once the attempt is over, and Get \
        Notification History lists every notification sent with its attempts. The page lists them and sends any \
        notification or built-in scenario (POST /jwtlint/notify {"notification": "DID_RENEW"} or {"scenario": \
        "subscription-lifecycle"}); what they say happened becomes the stand-in's data, so Get Transaction History \
        and Get All Subscription Statuses answer it. --chain DIR signs with a chain made by 'jwtlint chain create', \
        so your handler trusts one root across runs.

        The stand-in also receives: point App Store Connect's sandbox notification URL (through a tunnel) or \
        'jwtlint notify' at POST /notifications, and each notification is verified as Apple's SignedDataVerifier \
        would (Apple's root and the stand-in's own), and shown on the page and in the log with Apple's status, its \
        type and its nested data.

        Examples:
          jwtlint serve --key SubscriptionKey_2X9R4HXF34.p8 --issuer 57246542-96fe-1a63-e053-0824d011072a \\
                        --bundle-id com.example.app --port 0 --write-root test-root.pem
          jwtlint serve --key key.pub.pem --data Vectors/serve/data.json --log requests.jsonl
          jwtlint serve --key key.p8 --chain test-chain --notification-url http://localhost:8080/apple/notifications

        Stops on SIGINT or SIGTERM. Exit status: 0 after a clean stop, 2 for unusable options or files.
        """

    @Option(name: .long, help: ArgumentHelp("The address to listen on; loopback unless you say otherwise.", valueName: "address"))
    public var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port; 0 picks a free one (the URL on the first line says which).", valueName: "port"))
    public var port: Int = 0

    @Option(name: .long, help: ArgumentHelp(
        "The key the tokens are checked with: Apple's .p8 (the public key is derived from it), a public key PEM, or a public EC JWK.",
        valueName: "file"))
    public var key: String

    @OptionGroup public var keyID: KeyIDOption
    /// The key ID tokens must name, when given.
    public var kid: String? { keyID.kid }

    @Option(name: .long, help: ArgumentHelp("The issuer ID tokens must carry (claim iss), a UUID.", valueName: "uuid"))
    public var issuer: String?

    @Option(name: .customLong("bundle-id"), help: ArgumentHelp("The app's bundle ID tokens must carry (claim bid).", valueName: "id"))
    public var bundleID: String?

    @Option(name: .long, help: ArgumentHelp("The environment the data says it comes from: sandbox (the default) or production.", valueName: "environment"))
    public var environment: String = "sandbox"

    @Option(name: .long, help: ArgumentHelp("A JSON file of transactions and renewal info to serve (see Vectors/serve/README.md).", valueName: "file"))
    public var data: String?

    @Option(name: .customLong("write-root"), help: ArgumentHelp(
        "Write the test chain's root certificate (PEM) to this file, for the client's verifier to trust.", valueName: "file"))
    public var writeRoot: String?

    @Option(name: .customLong("notification-url"), help: ArgumentHelp(
        "Post the notifications the stand-in sends (Request a Test Notification, the page's) to this URL (http:// or https://).", valueName: "url"))
    public var notificationURL: String?

    @Option(name: .long, help: ArgumentHelp("Sign with the chain in this folder, made by 'jwtlint chain create' (default: a new one).", valueName: "dir"))
    public var chain: String?

    @Option(name: .long, help: ArgumentHelp("Append the log records (JSON lines) to this file instead of standard error.", valueName: "file"))
    public var log: String?

    public init() {}
}
