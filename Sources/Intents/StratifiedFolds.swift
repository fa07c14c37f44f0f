import TextKit

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
