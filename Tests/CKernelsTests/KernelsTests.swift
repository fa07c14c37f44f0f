import CKernels
import Foundation
import TextKit
import XCTest

/// Every copy of the kernels this processor can run (baseline, AVX2, AVX-512) gives the bits of plain Swift
/// code of the same arithmetic (the code each kernel replaced), so that a model does not depend on the
/// machine that trained it.
final class KernelsTests: XCTestCase {
    /// The instruction-set levels this processor has (0 is always there).
    private let levels = (0...2).map(Int32.init).filter { concierge_add_rows_for($0) != nil }

    func testAddRowsEqualsPlainLoopOnEveryCopy() {
        var generator = SplitMix64(seed: 5)
        XCTAssertEqual(levels.first, 0)
        for stride in [32, 64, 160, 192] {
            // Rows start at any float (not only at multiples of the stride), and the sums one float in.
            let rowFloats = 40 * stride
            let rows = (0..<rowFloats).map { _ in Float.random(in: -4...4, using: &generator) }
            for count in [0, 1, 3, 7, 13, 31] {
                let offsets = (0..<count).map { _ in
                    Int.random(in: 0...rowFloats - stride, using: &generator) * MemoryLayout<Float>.stride
                }
                let weights = (0..<count).map { _ in Float.random(in: -2...2, using: &generator) }
                let start = (0...stride).map { _ in Float.random(in: -1...1, using: &generator) }
                var expected = start
                for n in 0..<count {
                    for c in 0..<stride {
                        expected[1 + c] = expected[1 + c] + weights[n] * rows[offsets[n] / 4 + c]
                    }
                }
                for level in levels {
                    var sums = start
                    sums.withUnsafeMutableBufferPointer { sums in
                        concierge_add_rows_for(level)!(rows, offsets, weights, count, sums.baseAddress! + 1, stride)
                    }
                    XCTAssertEqual(sums.map(\.bitPattern), expected.map(\.bitPattern),
                                   "level \(level), stride \(stride), \(count) rows")
                }
            }
        }
    }

    func testPosteriorEqualsSwiftLanesOnEveryCopy() {
        var generator = SplitMix64(seed: 9)
        for classCount in [1, 2, 31, 32, 77, 150, 151] {
            let stride = (classCount + 31) / 32 * 32
            for (spread, tau) in [(Float(30), Float(0.6)), (200, 0.5), (400, 1)] {
                // Padding classes: a prior of −10³⁰, as the pass gives them.
                func random(_ range: ClosedRange<Float>, padding: Float) -> [Float] {
                    (0..<stride).map { $0 < classCount ? Float.random(in: range, using: &generator) : padding }
                }
                let (priors, unseen, start) = (random(-6 ... -2, padding: -1e30), random(-12 ... -8, padding: 0),
                                               random(-spread...0, padding: 0))
                let mass = Float.random(in: 0.5...3, using: &generator)
                let truth = Int.random(in: 0..<classCount, using: &generator)
                var expectedScores = start
                let expected = Self.posterior(&expectedScores, priors: priors, unseen: unseen, mass: mass, tau: tau,
                                              truth: truth, classCount: classCount)
                let scores = expectedScores.map(Double.init)
                let best = scores[..<classCount].max()!
                let exact = exp(Double(tau) * (scores[truth] - best))
                    / scores[..<classCount].reduce(0) { $0 + exp(Double(tau) * ($1 - best)) }
                // (Single precision: posteriors under 10⁻³⁵ are denormal or 0.)
                XCTAssertEqual(Double(expected), exact, accuracy: exact * 1e-5 + 1e-35)
                for level in levels {
                    var sums = start
                    let posterior = concierge_posterior_for(level)!(&sums, priors, unseen, mass, tau, truth, classCount,
                                                                    stride)
                    let context = "level \(level), \(classCount) classes, spread \(spread)"
                    XCTAssertEqual(posterior.bitPattern, expected.bitPattern, context)
                    XCTAssertEqual(sums.map(\.bitPattern), expectedScores.map(\.bitPattern), context)
                }
            }
        }
    }

    func testOwnClassChangeEqualsSwiftLanesOnEveryCopy() {
        var generator = SplitMix64(seed: 13)
        let featureCount = 500
        for count in [0, 1, 7, 8, 9, 16, 17, 24, 107, 250] {
            for scale in [1.0, 0.05] {
                let ids = (0..<count).map { _ in Int32.random(in: 0..<Int32(featureCount), using: &generator) }
                let weights = (0..<count).map { _ in Float.random(in: 0.01...3, using: &generator) }
                // Counts at least the row's own (some exactly, whose numerator falls to α), or far more.
                var counts = [Float](repeating: 0, count: featureCount)
                for (id, x) in zip(ids, weights) { counts[Int(id)] += Float(scale) * x }
                for id in ids where Bool.random(using: &generator) {
                    counts[Int(id)] += Float.random(in: 0...50, using: &generator)
                }
                let expected = Self.ownClassChange(ids: ids, weights: weights, scale: Float(scale), alpha: 0.01,
                                                   counts: counts)
                for level in levels {
                    let change = concierge_own_class_change_for(level)!(ids, weights, count, Float(scale), 0.01,
                                                                        counts)
                    XCTAssertEqual(change.bitPattern, expected.bitPattern,
                                   "level \(level), \(count) features, scale \(scale)")
                }
            }
        }
    }

    /// Δ = ln v − ln α, each lane as the reference's ln v, on every copy, for every length around the blocks
    /// of 8 and 16 (the last few padded), with nothing written past the values.
    func testDeltasEqualSwiftLanesOnEveryCopy() {
        var generator = SplitMix64(seed: 17)
        let logAlpha = logf(0.01)
        for count in [0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100] {
            let values = (0..<count).map { _ in 0.01 + Float.random(in: 0...400, using: &generator) }
            var expected: [Float] = []
            for start in Swift.stride(from: 0, to: count, by: 8) {
                var v = SIMD8<Float>(repeating: 1)
                for lane in 0..<min(8, count - start) { v[lane] = values[start + lane] }
                let deltas = Self.logarithm(v) - logAlpha
                expected += (0..<min(8, count - start)).map { deltas[$0] }
            }
            for level in levels {
                var buffer = values + [-7]
                buffer.withUnsafeMutableBufferPointer { concierge_deltas_for(level)!($0.baseAddress, count, logAlpha) }
                XCTAssertEqual(buffer.dropLast().map(\.bitPattern), expected.map(\.bitPattern), "level \(level), \(count)")
                XCTAssertEqual(buffer.last, -7)
            }
        }
    }

    /// The reference's e^v agrees with libm's across (and beyond) the softmax's gaps, −80...0.
    func testExponentialMatchesLibm() {
        for start in stride(from: Float(-80), through: 20, by: 0.37) {
            let v = SIMD8<Float>((0..<8).map { start + Float($0) * 0.045 })
            let fast = Self.exponential(v)
            for lane in 0..<8 {
                XCTAssertEqual(fast[lane], expf(v[lane]), accuracy: expf(v[lane]) * 2e-6, "e^\(v[lane])")
            }
        }
    }

    /// The reference's ln v agrees with libm's across the ratios of counts it takes, (0, 1], and beyond.
    func testLogarithmMatchesLibm() {
        for exponent in stride(from: Float(-13), through: 13, by: 0.29) {
            let v = SIMD8<Float>((0..<8).map { expf(exponent + Float($0) * 0.035) })
            let fast = Self.logarithm(v)
            for lane in 0..<8 { XCTAssertEqual(fast[lane], logf(v[lane]), accuracy: 2e-6, "ln \(v[lane])") }
        }
    }

    /// The leave-one-out pass's scores and posterior in Swift, before `concierge_posterior`: the scores 16
    /// lanes at a time, the sum of e^gap 8 lanes at a time.
    private static func posterior(_ sums: inout [Float], priors: [Float], unseen: [Float], mass: Float, tau: Float,
                                  truth: Int, classCount: Int) -> Float
    {
        let (lanes, lastClass) = (SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7), SIMD8<Int32>(repeating: Int32(classCount)))
        let massLanes = SIMD16<Float>(repeating: mass)
        var best = SIMD16<Float>(repeating: -.greatestFiniteMagnitude)
        for block in Swift.stride(from: 0, to: sums.count, by: 16) {
            let score = SIMD16(priors[block..<block + 16]) + massLanes * SIMD16(unseen[block..<block + 16])
                + SIMD16(sums[block..<block + 16])
            sums.replaceSubrange(block..<block + 16, with: (0..<16).map { score[$0] })
            best.replace(with: score, where: score .> best)
        }
        let top = best.max()
        var terms = SIMD8<Float>.zero
        for block in Swift.stride(from: 0, to: sums.count, by: 8) {
            var gaps = tau * (SIMD8(sums[block..<block + 8]) - top)
            gaps.replace(with: -80, where: gaps .< -80 .| (lanes &+ Int32(block) .>= lastClass))
            terms += exponential(gaps)
        }
        return expf(tau * (sums[truth] - top)) / terms.sum()
    }

    /// e^v as the pass computed it in Swift, lane by lane in single precision (relative error under 1e-6).
    private static func exponential(_ v: SIMD8<Float>) -> SIMD8<Float> {
        // e^v = 2^n · e^t with n = round(v·log₂e) and t = v − n·ln 2 (ln 2 in two parts, so that t is
        // exact), |t| ≤ ln 2 / 2; e^t by its Taylor series. Adding 1.5·2²³ rounds to an integer and
        // leaves it in the low bits.
        let roundingShift = SIMD8<Float>(repeating: 12_582_912)
        let roundingShiftBits = SIMD8<Int32>(repeating: 0x4B40_0000)
        let shifted = v * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        let t = v - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p = SIMD8<Float>(repeating: 1.0 / 720)
        p = p * t + 1.0 / 120
        p = p * t + 1.0 / 24
        p = p * t + 1.0 / 6
        p = p * t + 0.5
        p = p * t + 1
        p = p * t + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- roundingShiftBits &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD8<Float>.self)
    }

    /// A row's own-class change as the first fit computed it in Swift, before `concierge_own_class_change`:
    /// eight features at a time.
    private static func ownClassChange(ids: [Int32], weights: [Float], scale: Float, alpha: Float,
                                       counts: [Float]) -> Float
    {
        var change = SIMD8<Float>.zero
        let (smoothing, removed) = (SIMD8<Float>(repeating: alpha), SIMD8<Float>(repeating: scale))
        for start in Swift.stride(from: 0, to: ids.count, by: 8) {
            // Padding lanes: x = 0 (and N = 1), adding 0.
            var x = SIMD8<Float>.zero
            var count = SIMD8<Float>(repeating: 1)
            for lane in 0..<min(8, ids.count - start) {
                x[lane] = weights[start + lane]
                count[lane] = counts[Int(ids[start + lane])]
            }
            let smoothed = count + smoothing
            var without = smoothed - removed * x
            without.replace(with: smoothing, where: without .< smoothing)
            change += x * logarithm(without / smoothed)
        }
        return change.sum()
    }

    /// ln v as the first fit computed it in Swift, lane by lane in single precision (absolute error under
    /// 1e-6), for normal v > 0.
    private static func logarithm(_ v: SIMD8<Float>) -> SIMD8<Float> {
        // v = 2^e · m with m in [√½, √2); ln m = 2·atanh(t), t = (m − 1)/(m + 1), |t| < 0.172.
        let roundingShift = SIMD8<Float>(repeating: 12_582_912)
        let roundingShiftBits = SIMD8<Int32>(repeating: 0x4B40_0000)
        let bits = unsafeBitCast(v, to: SIMD8<Int32>.self)
        var e = unsafeBitCast((bits &>> 23) &- 127 &+ roundingShiftBits, to: SIMD8<Float>.self) - roundingShift
        var m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD8<Float>.self)
        let high = m .> 1.414_213_56
        m.replace(with: m * 0.5, where: high)
        e.replace(with: e + 1, where: high)
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var p = SIMD8<Float>(repeating: 1.0 / 7)
        p = p * t2 + 1.0 / 5
        p = p * t2 + 1.0 / 3
        p = p * t2 + 1
        return e * 0.693_147_18 + 2 * t * p
    }
}
