/// Stands for the server code whose tokens the package lints; the plugin needs a package, not this code.
public enum TokenServer {
    public static let keyID = "TESTKEYA01"
}
