/// A seeded SplitMix64 generator: the same seed gives the same folds on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Stratified K-fold assignment: each class's examples are shuffled (seeded) and dealt round-robin,
/// so every fold holds about 1/K of every class.
enum StratifiedFolds {
    /// The fold (0..<folds) of each row. Classes are dealt one after the other, continuing the
    /// round-robin where the previous class stopped, so small classes do not all start at fold 0.
    static func assign(labels: [Int], classCount: Int, folds: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var rowsByClass = [[Int]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() { rowsByClass[label].append(row) }
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        for var rows in rowsByClass {
            rows.shuffle(using: &generator)
            for row in rows {
                fold[row] = next
                next = (next + 1) % folds
            }
        }
        return fold
    }
}
