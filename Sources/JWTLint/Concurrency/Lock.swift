#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A mutual-exclusion lock: the one lock type of the library, the CLI and the HTTP client. (The server,
/// `JWTLintServer`, uses SwiftNIO's `NIOLockedValueBox` instead; `Synchronization.Mutex` needs macOS 15.)
///
/// The `pthread_mutex_t` lives in memory of its own, allocated once, because a mutex must not move and Swift may
/// move a stored value. It is taken only through ``withLock(_:)``, which releases it when its body returns or
/// throws, so no path can leave it held.
///
/// `@unchecked Sendable`: its only state is the mutex, initialised in `init` and destroyed in `deinit` (when no
/// other reference, so no other thread, can reach it); in between it is touched only by `pthread_mutex_lock` and
/// `pthread_mutex_unlock`, which are safe to call from any thread.
package final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed: \(result)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` holding the lock, and releases it when `body` returns or throws.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
