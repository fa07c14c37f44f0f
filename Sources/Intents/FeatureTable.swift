/// An open-addressing hash table from a feature's 64-bit hash to its dense integer ID.
///
/// Linear probing over a power-of-two array of (hash, ID) slots, grown when three quarters full; key and
/// value share a slot so a probe touches one cache line. The load is a trade: at most half full, the
/// training tables of CLINC150 (31 K features a part, 48 K merged) took twice the memory, fell out of
/// the core's cache and had to grow during the merge, and training was slower for it; a probe at three
/// quarters is still short (2.5 slots on average for a hit, of 4 to a cache line). No `Dictionary`, so
/// no per-process seed and no iteration order to leak into a model.
struct FeatureTable: Sendable {
    private struct Slot {
        var hash: UInt64
        /// -1 when the slot is empty.
        var id: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, id: -1), count: size)
        mask = size - 1
    }

    /// The table holding `hashes[i]` -> i.
    init(hashes: [UInt64]) {
        self.init(capacity: hashes.count)
        for (id, hash) in hashes.enumerated() { _ = insert(hash, id: Int32(id)) }
    }

    /// The ID of `hash`, or -1 when it is not in the table.
    @inline(__always)
    func id(of hash: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            var index = Self.start(hash) & mask
            while true {
                let slot = slots[index]
                if slot.id < 0 || slot.hash == hash { return slot.id }
                index = (index + 1) & mask
            }
        }
    }

    /// The ID of each of `hashes` (-1 when it is not in the table), into `ids`. One loop of independent
    /// probes, so that the processor overlaps their cache misses.
    func lookUp(_ hashes: UnsafeBufferPointer<UInt64>, into ids: UnsafeMutableBufferPointer<Int32>) {
        for k in 0..<hashes.count { ids[k] = id(of: hashes[k]) }
    }

    /// The ID of `hash`, inserting it with `id` when it is new. Returns the ID and whether it was new.
    @inline(__always)
    mutating func insert(_ hash: UInt64, id: Int32) -> (id: Int32, inserted: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = self.mask
        let result: (Int32, Bool) = slots.withUnsafeMutableBufferPointer { slots in
            var index = Self.start(hash) & mask
            while true {
                let slot = slots[index]
                if slot.id < 0 {
                    slots[index] = Slot(hash: hash, id: id)
                    return (id, true)
                }
                if slot.hash == hash { return (slot.id, false) }
                index = (index + 1) & mask
            }
        }
        if result.1 { count += 1 }
        return result
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, id: -1), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.id >= 0 { _ = insert(slot.hash, id: slot.id) }
    }

    /// FNV-1a's low bits are weak for short inputs; a final multiply-xor spreads the high bits down.
    @inline(__always)
    private static func start(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: ((hash ^ (hash >> 32)) &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }
}
