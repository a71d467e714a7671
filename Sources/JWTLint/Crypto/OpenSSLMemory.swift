internal import COpenSSL

/// Makes OpenSSL clear the memory it frees, before its first allocation.
///
/// OpenSSL's decoders copy a private key's DER into buffers of their own and free some of them without clearing
/// them, so that the key stayed in freed memory after its public key was derived. With this, every block OpenSSL
/// frees is overwritten first. Every entry point of the crypto code touches ``clearsFreedMemory`` before it
/// calls OpenSSL; OpenSSL accepts the change only while it has allocated nothing.
enum OpenSSLMemory {
    /// Whether OpenSSL clears what it frees: `false` only if something called OpenSSL before jwtlint's code did.
    static let clearsFreedMemory: Bool = copenssl_clear_freed_memory() == 1
}
