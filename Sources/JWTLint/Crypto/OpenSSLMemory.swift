internal import CClearingAllocator
internal import COpenSSL

/// OpenSSL's side of ``MemoryHygiene``: its allocator, replaced by the clearing one when asked.
///
/// OpenSSL's decoders copy a private key's DER into buffers of their own and free some of them without clearing
/// them, so that the key stayed in freed memory after its public key was derived. With the clearing allocator,
/// every block OpenSSL frees is overwritten first. OpenSSL accepts it only while it has allocated nothing.
enum OpenSSLMemory {
    /// Installs the clearing allocator, once; whether OpenSSL took it.
    static let clearsFreedMemory: Bool = CRYPTO_set_mem_functions(clearing_malloc_at, clearing_realloc_at, clearing_free_at) == 1
}
