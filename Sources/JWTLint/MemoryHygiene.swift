/// Whether the C libraries JWTLint uses (OpenSSL and jansson) overwrite the memory they free.
///
/// They copy key material (a private key's DER when a `.p8` is read, the members of a private JWK) into buffers
/// of their own and free some without clearing them; freed memory keeps what it held until something else reuses
/// it, where a core dump or a memory-reading bug could find it. The `jwtlint` command turns clearing on first
/// thing. A library caller chooses: it replaces OpenSSL's and jansson's allocators for the whole process, which
/// costs a little on every allocation and concerns every other user of those libraries in the process, so it is
/// off unless asked for.
public enum MemoryHygiene {
    /// Makes OpenSSL and jansson overwrite every block they free with zeros from now on. Call it once, at the
    /// start of the process, before any other JWTLint call and before anything else in the process uses OpenSSL:
    /// OpenSSL accepts a new allocator only before its first allocation, and jansson's is chosen at JWTLint's
    /// first parse. Calling it again does nothing more.
    ///
    /// - Returns: Whether both libraries now clear what they free; `false` when one of them had already
    ///   allocated memory, which then stays uncleared.
    @discardableResult
    public static func clearFreedMemory() -> Bool {
        JSONParser.requestClearing()
        return OpenSSLMemory.clearsFreedMemory && JSONParser.clearsFreedMemory
    }
}
