import ArgumentParser
import Foundation
import Intents

extension Concierge {
    /// `concierge bench classifier`: the classifier's speed and size on CLINC150, as JSON.
    struct BenchClassifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classifier",
            abstract: "Benchmark the intent classifier: training time, latency p50/p99, model size, peak memory.")

        @Option(name: .long, help: ArgumentHelp(
            "A folder with train/ and val/ intents folders.", valueName: "dir"))
        var data = "../shared/benchmarks/intents/clinc150"

        @Option(name: .long, help: "Training runs; the best is reported.")
        var runs = 5

        @OptionGroup var tuning: ClassifierTuningOptions

        func validate() throws {
            if runs < 1 { throw ValidationError("--runs must be at least 1") }
        }

        func run() throws {
            do {
                var options = ClassifierOptions()
                try tuning.apply(to: &options)
                let result = try ClassifierBenchmark.run(data: URL(fileURLWithPath: data), runs: runs, options: options)
                print(result.json())
            } catch let error as IntentsError {
                throw report(error, exit: ExitStatus.badData)
            }
        }
    }
}
