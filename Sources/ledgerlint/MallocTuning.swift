#if canImport(Glibc)
import Glibc
#endif

/// How the process asks glibc's allocator to give memory back.
///
/// glibc serves a block of 128 kB or more from its own `mmap` and unmaps it when freed, but it raises that threshold
/// to the size of each such block freed, up to 32 MB. From then on, the large buffers a check makes and lets go of
/// (a reader's pieces of a table, the buffers of a growing column) come from the heap and stay in the process
/// after they are freed: at a million customers, 25 MB more at the peak (`docs/performance.md`). A fixed threshold
/// keeps them returned.
enum MallocTuning {
    static func returnLargeBlocksToTheSystem() {
        #if canImport(Glibc)
        // `mallopt` and M_MMAP_THRESHOLD are in <malloc.h>, which the Glibc module does not export: look the
        // function up (RTLD_DEFAULT is a null handle on glibc).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mmapThreshold: Int32 = -3
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
        #endif
    }
}
