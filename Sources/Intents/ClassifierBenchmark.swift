import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The figures of `concierge bench classifier`: training time, per-utterance latency, model size, memory.
public struct ClassifierBenchmark: Sendable, Encodable {
    public var trainExamples: Int
    public var intents: Int
    public var vocabulary: Int
    /// Best of `runs`: fitting TF-IDF and naive Bayes (what scikit-learn's `fit` does).
    public var fitSeconds: Double
    /// The first of those fits, the process's memory still fresh (every page of its buffers a page
    /// fault): what a single fit costs, before freed memory is reused (see CMalloc).
    public var firstFitSeconds: Double
    /// Least of `runs`: the CPU time (user and system, every thread) of that fitting, steadier than the
    /// wall time when other processes share the cores.
    public var fitCPUSeconds: Double
    /// Best of `runs`: the whole training, including the cross-validated out-of-scope threshold.
    public var trainSeconds: Double
    public var valExamples: Int
    public var classifyP50Seconds: Double
    public var classifyP99Seconds: Double
    public var classifyMeanSeconds: Double
    public var valInScopeAccuracy: Double?
    public var valOOSRecall: Double?
    public var modelBytes: Int
    /// Reading the saved model back (what a cached `classify` pays).
    public var modelLoadSeconds: Double
    /// Peak resident memory of the process so far (getrusage ru_maxrss).
    public var peakMemoryBytes: Int

    enum CodingKeys: String, CodingKey {
        case intents, vocabulary
        case trainExamples = "train_examples"
        case fitSeconds = "fit_seconds"
        case firstFitSeconds = "fit_first_seconds"
        case fitCPUSeconds = "fit_cpu_seconds"
        case trainSeconds = "train_seconds"
        case valExamples = "val_examples"
        case classifyP50Seconds = "classify_p50_seconds"
        case classifyP99Seconds = "classify_p99_seconds"
        case classifyMeanSeconds = "classify_mean_seconds"
        case valInScopeAccuracy = "val_in_scope_accuracy"
        case valOOSRecall = "val_oos_recall"
        case modelBytes = "model_bytes"
        case modelLoadSeconds = "model_load_seconds"
        case peakMemoryBytes = "peak_memory_bytes"
    }

    /// Runs the benchmark on `<data>/train` and `<data>/val`.
    public static func run(data: URL, runs: Int = 5, options: ClassifierOptions = ClassifierOptions()) throws
        -> ClassifierBenchmark
    {
        let training = try TrainingSet.load(from: data.appendingPathComponent("train"))
        let validation = try TrainingSet.load(from: data.appendingPathComponent("val"))
        let clock = ContinuousClock()

        var fitTimes: [Double] = []
        var fitCPUSeconds = Double.infinity
        for _ in 0..<max(1, runs) {
            var fitOptions = options
            fitOptions.threshold = 0
            let cpuStart = cpuSeconds()
            fitTimes.append(try clock.measure {
                _ = try IntentClassifier.train(on: training, options: fitOptions)
            }.seconds)
            fitCPUSeconds = min(fitCPUSeconds, cpuSeconds() - cpuStart)
        }
        var classifier: IntentClassifier?
        var trainSeconds = Double.infinity
        for _ in 0..<max(1, runs) {
            trainSeconds = min(trainSeconds, try clock.measure {
                classifier = try IntentClassifier.train(on: training, options: options)
            }.seconds)
        }
        guard let classifier else { throw IntentsError.tooFewIntents(path: data.path, count: 0) }

        // Latency: every validation utterance, one at a time, three passes (the first warms caches).
        var samples: [Double] = []
        var scored: [ScoredExample] = []
        for pass in 0..<3 {
            for example in validation.examples {
                let start = clock.now
                let prediction = classifier.classify(example.text)
                let elapsed = (clock.now - start).seconds
                if pass > 0 { samples.append(elapsed) }
                if pass == 0 {
                    scored.append(ScoredExample(example: example, predicted: prediction.intent,
                                                confidence: prediction.confidence))
                }
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double {
            samples.isEmpty ? 0 : samples[min(samples.count - 1, Int(Double(samples.count) * p))]
        }
        let evaluation = Evaluation(scored: scored, intents: classifier.intentNames.count,
                                    threshold: classifier.threshold, trainSeconds: trainSeconds,
                                    classifySecondsPerUtterance: 0)

        let bytes = classifier.serialized()
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-bench-\(ProcessInfo.processInfo.processIdentifier).model")
        try classifier.save(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var loadSeconds = Double.infinity
        for _ in 0..<max(1, runs) {
            loadSeconds = min(loadSeconds, try clock.measure { _ = try IntentClassifier.load(from: file) }.seconds)
        }

        return ClassifierBenchmark(
            trainExamples: training.examples.count, intents: classifier.intentNames.count,
            vocabulary: classifier.vocabularySize, fitSeconds: fitTimes.min() ?? 0, firstFitSeconds: fitTimes[0],
            fitCPUSeconds: fitCPUSeconds,
            trainSeconds: trainSeconds,
            valExamples: validation.examples.count, classifyP50Seconds: percentile(0.5),
            classifyP99Seconds: percentile(0.99),
            classifyMeanSeconds: samples.isEmpty ? 0 : samples.reduce(0, +) / Double(samples.count),
            valInScopeAccuracy: evaluation.inScopeAccuracy, valOOSRecall: evaluation.oosRecall,
            modelBytes: bytes.count, modelLoadSeconds: loadSeconds, peakMemoryBytes: peakResidentBytes())
    }

    /// The CPU time this process has used so far, user and system, in seconds.
    static func cpuSeconds() -> Double {
        guard let usage = resourceUsage() else { return 0 }
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// ru_maxrss: kilobytes on Linux, bytes on macOS.
    static func peakResidentBytes() -> Int {
        guard let usage = resourceUsage() else { return 0 }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    /// This process's resource usage so far.
    private static func resourceUsage() -> rusage? {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        #endif
        return usage
    }

    /// Pretty-printed, keys sorted.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
