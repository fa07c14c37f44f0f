import Foundation

// Naive Bayes that gives more weight to the training examples it finds hard.
//
// A first fit counts every example once. Each training example d of class y is then scored by that
// model with d itself left out (leave-one-out: exact, no refit, see below), and the model is fitted
// again (`fit`'s `exampleWeights`) with d's counts multiplied by
//
//     w_d = 1 + λ · (1 − P_{−d}(y | d))
//
// where P_{−d} is the posterior, at the classifier's temperature, of the model without d. An example
// the other examples already explain costs nothing more; one they confuse with another class counts up
// to 1 + λ times, so the features that tell it from its neighbours weigh more in its class. It is
// still naive Bayes (one multinomial per class, Lidstone-smoothed, scored the same way); only the
// counts are weighted. With λ = 3 (α raised from 0.0025 to 0.01, as the weighted counts are larger,
// and τ from 0.5 to 0.6, see `ClassifierOptions.temperature`), CLINC150 train → val in-scope accuracy
// rose from 0.915 to 0.922 (out-of-scope recall 0.57 → 0.63), its 5-fold in-scope accuracy from 0.938
// to 0.947, Banking77's 5-fold accuracy from 0.890 to 0.899, and the agent's own intents' 5-fold
// accuracy from 0.939 to 0.943. A second round of reweighting, weights from 5-fold rather than
// leave-one-out posteriors, and other shapes of w_d gained nothing more. The price is one more scoring
// pass over the training examples, every example against every class (see below for how it is kept
// cheap).
//
// Leave-one-out without refitting. Removing d (mass m_d = s_d·Σ_j x_dj, counts s_d·x_dj) from class y
// changes only class y's parameters:
//
//     score_y^{−d}(x_d) = X·(log α − log(N_y − m_d + αV)) + Σ_j x_dj · (log(N_yj − s_d·x_dj + α) − log α)
//
// with N_y + αV = exp(log α − b_y) and N_yj + α = α·exp(Δ_yj) read back from the fitted model; the other
// classes' scores are the full model's.
//
// The pass, on CLINC150 (15,100 examples, 151 classes, 107 features an example): the features most
// classes saw are dense rows, summed 32 classes at a time in registers; e^v and ln v are eight lanes
// at a time in single precision (libm's calls were a quarter of the pass). It went from 27 to 15 ms on
// two threads, and CLINC150's fit (`concierge bench classifier`) from 0.046 to 0.031 s on a quiet
// machine, from 0.078 to 0.058 s of CPU time (fit_cpu_seconds); the pass stays exact, and accuracy
// did not move. Scoring only the K classes that a few strong features rank first was tried: the
// posterior's tail is heavy (at τ = 0.6, normalising over the 16 best alone raised the mean posterior
// from 0.78 to 0.84), so the weights moved by 0.02 to 0.3 on average for K = 8 to 16, whatever the
// estimate of the rest; scoring with each example's 16 to 32 strongest features alone lost 0.3 to 0.8
// points of accuracy on CLINC150 val and Banking77.
extension NaiveBayes {
    /// Bumped whenever the weights of the same data change (even in the last bits), so that saved models
    /// are retrained.
    static let hardExamplesVersion: UInt8 = 2

    /// w_d for every row of `documents` (rows not in `rows`, all rows when nil, get 1), from a first fit
    /// of the model on `rows` with every example counted once; nil when λ (`hardExampleWeight`) is 0.
    static func hardExampleWeights(
        _ documents: DocumentMatrix, rows: [Int]? = nil, classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, hardExampleWeight: Double, temperature: Double,
        parallel: Bool = true
    ) -> [Double]? {
        guard hardExampleWeight > 0 else { return nil }
        let rows = rows ?? Array(0..<documents.count)
        let first = fit(documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
                        fitPrior: fitPrior, normalizesExamples: normalizesExamples, parallel: parallel)
        let posteriors = first.leaveOneOutPosteriors(documents, rows: rows, normalizesExamples: normalizesExamples,
                                                     temperature: temperature, parallel: parallel)
        var weights = [Double](repeating: 1, count: documents.count)
        for (row, posterior) in zip(rows, posteriors) { weights[row] = 1 + hardExampleWeight * (1 - posterior) }
        return weights
    }

    /// P_{−d}(y_d | x_d) for each of `rows` (all of which this model was fitted on, each counted once),
    /// in the order of `rows`.
    func leaveOneOutPosteriors(_ documents: DocumentMatrix, rows: [Int], normalizesExamples: Bool,
                               temperature: Double, parallel: Bool) -> [Double]
    {
        var result = [Double](repeating: 0, count: rows.count)
        let parts = parallel && rows.count >= 4000 ? 2 : 1
        let bounds = (0...parts).map { rows.count * $0 / parts }
        let logAlpha = log(alpha)
        let vocabulary = Double(featureCount)
        // Features that at least 1/16 of the classes saw are laid out as dense rows of Δ (0 for a class
        // that did not see the feature), padded to a multiple of 32 classes; the others add their
        // entries one by one. (1/16 costs least on CLINC150: 9 % of the features, 87 % of the entries
        // of the training examples; 1/4 or 1/32 cost over 10 % more.)
        let stride = (classCount + 31) / 32 * 32
        var denseIndex = [Int32](repeating: -1, count: featureCount)
        var denseCount = 0
        for feature in 0..<featureCount
        where Int(entryStarts[feature + 1] - entryStarts[feature]) * 16 >= classCount && classCount >= 16 {
            denseIndex[feature] = Int32(denseCount)
            denseCount += 1
        }
        var dense = [Float](repeating: 0, count: denseCount * stride)
        for feature in 0..<featureCount where denseIndex[feature] >= 0 {
            let base = Int(denseIndex[feature]) * stride
            for entry in Int(entryStarts[feature])..<Int(entryStarts[feature + 1]) {
                dense[base + Int(entryClasses[entry])] = entryDeltas[entry]
            }
        }
        var longest = 0
        for row in rows { longest = max(longest, documents.rowStarts[row + 1] - documents.rowStarts[row]) }
        let (classCount, denseIndexes, denseRows, rowLength) = (classCount, denseIndex, dense, longest + 8)
        result.withUnsafeMutableBufferPointer { buffer in
            // Each part writes only its own range.
            nonisolated(unsafe) let result = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var scores = [Double](repeating: 0, count: classCount)
                // Σ_j x_j·Δ_cj of the example (single precision: what a weight needs).
                var sums = [Float](repeating: 0, count: stride)
                // The example's dense features (byte offset of the row, x_j); every feature's x_j and Δ_yj.
                var denseOffsets = [Int](repeating: 0, count: rowLength)
                var denseWeights = [Float](repeating: 0, count: rowLength)
                var truthWeights = [Float](repeating: 0, count: rowLength)
                var truthDeltas = [Float](repeating: 0, count: rowLength)
                documents.ids.withUnsafeBufferPointer { ids in
                documents.weights.withUnsafeBufferPointer { weights in
                entryStarts.withUnsafeBufferPointer { starts in
                entryClasses.withUnsafeBufferPointer { classes in
                entryDeltas.withUnsafeBufferPointer { deltas in
                denseIndexes.withUnsafeBufferPointer { denseIndex in
                denseRows.withUnsafeBufferPointer { dense in
                scores.withUnsafeMutableBufferPointer { scores in
                sums.withUnsafeMutableBufferPointer { sums in
                denseOffsets.withUnsafeMutableBufferPointer { denseOffsets in
                denseWeights.withUnsafeMutableBufferPointer { denseWeights in
                truthWeights.withUnsafeMutableBufferPointer { truthWeights in
                truthDeltas.withUnsafeMutableBufferPointer { truthDeltas in
                    let denseBytes = UnsafeRawPointer(dense.baseAddress)
                    for index in bounds[part]..<bounds[part + 1] {
                        let row = rows[index]
                        let truth = documents.labels[row]
                        let range = documents.rowStarts[row]..<documents.rowStarts[row + 1]
                        var mass = 0.0
                        for k in range { mass += Double(weights[k]) }
                        let scale = normalizesExamples && mass > 0 ? 1 / mass : 1
                        for c in 0..<stride { sums[c] = 0 }
                        // Sparse features add to the classes that saw them; dense ones are listed.
                        var denseUsed = 0
                        var used = 0
                        for k in range {
                            let feature = Int(ids[k])
                            let denseRow = Int(denseIndex[feature])
                            var truthDelta: Float = 0
                            if denseRow >= 0 {
                                denseOffsets[denseUsed] = denseRow * stride * MemoryLayout<Float>.stride
                                denseWeights[denseUsed] = weights[k]
                                denseUsed += 1
                                truthDelta = dense[denseRow * stride + truth]
                            } else {
                                let x = weights[k]
                                for entry in Int(starts[feature])..<Int(starts[feature + 1]) {
                                    let c = Int(classes[entry])
                                    let delta = deltas[entry]
                                    sums[c] += x * delta
                                    truthDelta = c == truth ? delta : truthDelta
                                }
                            }
                            truthWeights[used] = weights[k]
                            truthDeltas[used] = truthDelta
                            used += 1
                        }
                        // The dense rows, 32 classes at a time: the 32 sums stay in registers across the
                        // example's features (a row's 32 classes are two adjacent cache lines).
                        if let denseBytes {
                            for block in Swift.stride(from: 0, to: stride, by: 32) {
                                let blockSums = UnsafeMutableRawPointer(sums.baseAddress! + block)
                                var low = blockSums.loadUnaligned(as: SIMD16<Float>.self)
                                var high = blockSums.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                                let blockOffset = block * MemoryLayout<Float>.stride
                                for n in 0..<denseUsed {
                                    let x = SIMD16<Float>(repeating: denseWeights[n])
                                    let offset = denseOffsets[n] + blockOffset
                                    low += x * denseBytes.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                                    high += x * denseBytes.loadUnaligned(fromByteOffset: offset + 64,
                                                                         as: SIMD16<Float>.self)
                                }
                                blockSums.storeBytes(of: low, as: SIMD16<Float>.self)
                                blockSums.storeBytes(of: high, toByteOffset: 64, as: SIMD16<Float>.self)
                            }
                        }
                        for c in 0..<classCount {
                            scores[c] = logPriors[c] + mass * unseenLogProbabilities[c] + Double(sums[c])
                        }
                        // Class y without d: its smoothed total N_y + αV, and each of d's counts
                        // N_yj + α = α·e^Δ (class y saw every feature of its own example: Δ_yj > 0), eight
                        // features at a time (the padding, x = 0 and Δ = 0, adds 0).
                        let total = exp(logAlpha - unseenLogProbabilities[truth])
                        let totalWithout = max(total - scale * mass, alpha * vocabulary)
                        while used % 8 != 0 {
                            truthWeights[used] = 0
                            truthDeltas[used] = 0
                            used += 1
                        }
                        let smoothing = Float(alpha)
                        let logSmoothing = Float(logAlpha)
                        let removed = Float(scale)
                        var changes = SIMD8<Float>.zero
                        for k in Swift.stride(from: 0, to: used, by: 8) {
                            let x = UnsafeRawPointer(truthWeights.baseAddress! + k).loadUnaligned(as: SIMD8<Float>.self)
                            let delta = UnsafeRawPointer(truthDeltas.baseAddress! + k).loadUnaligned(as: SIMD8<Float>.self)
                            var countWithout = smoothing * Self.exponential(delta) - (smoothing + removed * x)
                            countWithout.replace(with: 0, where: countWithout .< 0)
                            changes += x * (Self.logarithm(countWithout + smoothing) - (logSmoothing + delta))
                        }
                        scores[truth] += mass * (log(total) - log(totalWithout)) + Double(changes.sum())
                        // The posterior of the truth at temperature τ, eight classes at a time; classes
                        // more than 80 nats below the best add under e⁻⁸⁰ each and count as that.
                        var best = scores[0]
                        for c in 1..<classCount where scores[c] > best { best = scores[c] }
                        var terms = SIMD8<Float>.zero
                        for c in Swift.stride(from: 0, to: classCount, by: 8) {
                            var gaps = SIMD8<Float>(repeating: -80)
                            for lane in 0..<min(8, classCount - c) {
                                gaps[lane] = Float(max(temperature * (scores[c + lane] - best), -80))
                            }
                            terms += Self.exponential(gaps)
                        }
                        result[index] = exp(temperature * (scores[truth] - best)) / Double(terms.sum())
                    }
                }
                }
                }
                }
                }
                }
                }
                }
                }
                }
                }
                }
                }
            }
        }
        return result
    }

    /// 1.5·2²³, whose float has the integers near it in its low bits, and its bit pattern.
    static let roundingShift = SIMD8<Float>(repeating: 12_582_912)
    static let roundingShiftBits = SIMD8<Int32>(repeating: 0x4B40_0000)

    /// e^v, lane by lane in single precision (relative error under 1e-6), for v in −80...80: the
    /// leave-one-out pass takes one per feature and one per class of every example (libm's `expf` is a
    /// call each).
    @inline(__always)
    static func exponential(_ v: SIMD8<Float>) -> SIMD8<Float> {
        // e^v = 2^n · e^t with n = round(v·log₂e) and t = v − n·ln 2 (ln 2 in two parts, so that t is
        // exact), |t| ≤ ln 2 / 2; e^t by its Taylor series. Adding 1.5·2²³ rounds to an integer and
        // leaves it in the low bits (no conversion call).
        let shifted = v * 1.442_695_04 + Self.roundingShift
        let n = shifted - Self.roundingShift
        let t = v - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p = SIMD8<Float>(repeating: 1.0 / 720)
        p = p * t + 1.0 / 120
        p = p * t + 1.0 / 24
        p = p * t + 1.0 / 6
        p = p * t + 0.5
        p = p * t + 1
        p = p * t + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- Self.roundingShiftBits &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: SIMD8<Float>.self)
    }

    /// ln v, lane by lane in single precision (absolute error under 1e-6), for normal v > 0.
    @inline(__always)
    static func logarithm(_ v: SIMD8<Float>) -> SIMD8<Float> {
        // v = 2^e · m with m in [√½, √2); ln m = 2·atanh(t), t = (m − 1)/(m + 1), |t| < 0.172.
        let bits = unsafeBitCast(v, to: SIMD8<Int32>.self)
        var e = unsafeBitCast((bits &>> 23) &- 127 &+ Self.roundingShiftBits, to: SIMD8<Float>.self)
            - Self.roundingShift
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
