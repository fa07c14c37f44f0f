#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: BitwiseCopyable {
    /// An array of `count` elements left unwritten (the caller writes every one before reading it), in
    /// memory the kernel may back with huge pages.
    ///
    /// Training writes a few large buffers once (the term counts, the TF-IDF rows: megabytes each), and
    /// with 4 KiB pages the kernel zero-fills and maps every page on its first write: a fault per page,
    /// about a quarter of a fit's CPU time on CLINC150. Transparent huge pages (Linux, `madvise` or `always`
    /// mode) take one fault per 2 MiB; elsewhere this is a plain uninitialized allocation.
    init(hugePagesCount count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            Self.adviseHugePages(buffer)
            initialized = count
        }
    }

    /// A copy with room for `count` elements in memory the kernel may back with huge pages, the first
    /// `kept` of them this array's (the rest left unwritten, as `init(hugePagesCount:)`).
    func hugePagesCopy(count: Int, keeping kept: Int) -> [Element] {
        var copy = [Element](hugePagesCount: count)
        copy.withUnsafeMutableBufferPointer { copy in
            withUnsafeBufferPointer { elements in
                _ = copy.initialize(fromContentsOf: elements[..<kept])
            }
        }
        return copy
    }

    /// Room for `needed` elements: when the array has fewer, it becomes a copy of at least twice its size
    /// (so that growing by steps copies little in all), the first `kept` elements its own. Training's
    /// buffers that are written in place, not appended to, grow this way.
    mutating func growHugePages(toHold needed: Int, keeping kept: Int) {
        guard needed > count else { return }
        self = hugePagesCopy(count: Swift.max(count * 2, needed), keeping: kept)
    }

    /// Asks for huge pages over the whole 2 MiB-aligned pages inside `buffer`, before anything touches them.
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Element>) {
        #if canImport(Glibc)
        let hugePage = 2 << 20
        guard let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: base) + buffer.count * MemoryLayout<Element>.stride) & ~(hugePage - 1)
        guard end > start else { return }
        // Advice only: where it is refused (no transparent huge pages), the pages are ordinary ones.
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
        #endif
    }
}
