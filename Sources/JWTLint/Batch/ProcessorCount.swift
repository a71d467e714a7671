#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// How many processors the machine has online.
public enum ProcessorCount {
    /// The number of processors online, at least 1: the default number of jobs of a ``BatchLinter``.
    public static var online: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
