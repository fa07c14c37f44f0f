/// The 64-bit FNV-1a hash: tiny, fast, and the same on every machine and every run
/// (unlike `Hasher`, which is seeded per process), so it can key saved models and feature IDs.
struct FNV1a: Sendable {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    private(set) var value: UInt64 = FNV1a.offsetBasis

    @inline(__always)
    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* FNV1a.prime
    }

    mutating func combine<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes { combine(byte) }
    }

    /// Chains another 64-bit hash in, byte by byte (little-endian).
    @inline(__always)
    mutating func combineWord(_ word: UInt64) {
        var shift: UInt64 = 0
        while shift < 64 {
            combine(UInt8(truncatingIfNeeded: word >> shift))
            shift += 8
        }
    }

    /// The hash as 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
