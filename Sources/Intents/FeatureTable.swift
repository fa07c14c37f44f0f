/// An open-addressing hash table from a feature's 64-bit hash to its dense integer ID.
///
/// Linear probing over a power-of-two array; the hashes are already FNV-1a mixed, so their low bits
/// index the table directly. No `Dictionary`, so no per-process seed and no iteration order to leak.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
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
        var slot = Int(truncatingIfNeeded: mix(hash)) & mask
        return keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                while true {
                    let value = values[slot]
                    if value < 0 || keys[slot] == hash { return value }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The ID of `hash`, inserting it with `id` when it is new. Returns the ID and whether it was new.
    @inline(__always)
    mutating func insert(_ hash: UInt64, id: Int32) -> (id: Int32, inserted: Bool) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: mix(hash)) & mask
        while true {
            let value = values[slot]
            if value < 0 {
                keys[slot] = hash
                values[slot] = id
                count += 1
                return (id, true)
            }
            if keys[slot] == hash { return (value, false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for slot in oldKeys.indices where oldValues[slot] >= 0 { _ = insert(oldKeys[slot], id: oldValues[slot]) }
    }

    /// FNV-1a's low bits are weak for short inputs; a final xor-shift spreads the high bits down.
    @inline(__always)
    private func mix(_ hash: UInt64) -> UInt64 {
        (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9 ^ (hash >> 32)
    }
}
