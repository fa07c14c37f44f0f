import XCTest
@testable import Intents

final class FeatureTableTests: XCTestCase {
    /// Distinct pseudo-random hashes, the same on every run.
    private func hashes(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        var result: [UInt64] = []
        var seen = Set<UInt64>()
        while result.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if seen.insert(state).inserted { result.append(state) }
        }
        return result
    }

    func testFindsEveryHashThroughGrowthAndCollisions() {
        // From 16 slots to thousands: several doublings, and at every size slots shared by many probes.
        let keys = hashes(5_000, seed: 1)
        var table = FeatureTable(capacity: 4)
        for (id, hash) in keys.enumerated() {
            XCTAssertEqual(table.id(of: hash), -1)
            let (stored, inserted) = table.insert(hash, id: Int32(id))
            XCTAssertTrue(inserted)
            XCTAssertEqual(stored, Int32(id))
        }
        XCTAssertEqual(table.count, keys.count)
        for (id, hash) in keys.enumerated() { XCTAssertEqual(table.id(of: hash), Int32(id)) }
        for hash in hashes(1_000, seed: 2) where !keys.contains(hash) { XCTAssertEqual(table.id(of: hash), -1) }
    }

    func testInsertingAKnownHashKeepsItsID() {
        var table = FeatureTable(hashes: [10, 20, 30])
        let (id, inserted) = table.insert(20, id: 99)
        XCTAssertFalse(inserted)
        XCTAssertEqual(id, 1)
        XCTAssertEqual(table.count, 3)
    }

    func testHashesThatShareLowBitsAreTold() {
        // Hashes equal but for their top bits, and hashes differing in one bit anywhere.
        let keys = (0..<64).map { UInt64(1) << $0 } + (0..<64).map { (UInt64($0) << 58) | 0xABCDEF }
        let table = FeatureTable(hashes: keys)
        for (id, hash) in keys.enumerated() { XCTAssertEqual(table.id(of: hash), Int32(id)) }
        XCTAssertEqual(table.id(of: 0), -1)
    }

    func testLookUpAnswersLikeOneProbeAtATime() {
        let keys = hashes(3_000, seed: 3)
        let table = FeatureTable(hashes: Array(keys[0..<2_000]))
        var ids = [Int32](repeating: 7, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            ids.withUnsafeMutableBufferPointer { table.lookUp(keys, into: $0) }
        }
        XCTAssertEqual(ids, keys.map { table.id(of: $0) })
        XCTAssertEqual(ids.filter { $0 < 0 }.count, 1_000)
    }

    func testHugePageArraysHoldWhatIsWritten() {
        var counts = [UInt16](hugePagesCount: 3 << 20)
        for k in counts.indices { counts[k] = UInt16(truncatingIfNeeded: k) }
        let grown = counts.hugePagesCopy(count: 4 << 20, keeping: 3 << 20)
        XCTAssertEqual(grown.count, 4 << 20)
        XCTAssertEqual(Array(grown[..<(3 << 20)]), counts)

        // Growing keeps what is written and at least doubles; room enough leaves the array alone.
        var growing = grown
        growing.growHugePages(toHold: 4 << 20, keeping: 4 << 20)
        XCTAssertEqual(growing.count, 4 << 20)
        growing.growHugePages(toHold: (4 << 20) + 1, keeping: 3 << 20)
        XCTAssertEqual(growing.count, 8 << 20)
        XCTAssertEqual(Array(growing[..<(3 << 20)]), counts)
        growing.growHugePages(toHold: 20 << 20, keeping: 3 << 20)
        XCTAssertEqual(growing.count, 20 << 20)
        XCTAssertEqual(Array(growing[..<(3 << 20)]), counts)

        var weights = [Float](hugePagesCount: 1 << 20)
        XCTAssertEqual(weights.count, 1 << 20)
        for k in weights.indices { weights[k] = Float(k) }
        XCTAssertTrue(weights.indices.allSatisfy { weights[$0] == Float($0) })
    }
}
