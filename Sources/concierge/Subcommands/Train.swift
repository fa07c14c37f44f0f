import ArgumentParser
import Foundation
import Intents

extension Concierge {
    /// `concierge train`: trains the intent classifier and saves it.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the intent classifier on an intents folder and save the model.")

        @OptionGroup var intentsOptions: IntentsOptions

        @Option(name: .long, help: ArgumentHelp(
            "Save the model here (default: the model cache, $XDG_CACHE_HOME/concierge).", valueName: "file"))
        var model: String?

        @Option(name: .long, help: ArgumentHelp(
            "Fall back to out_of_scope under this confidence (default: chosen by cross-validation).", valueName: "x"))
        var threshold: Double?

        @OptionGroup var tuning: ClassifierTuningOptions

        func validate() throws {
            if let threshold, !(0...1).contains(threshold) { throw ValidationError("--threshold must be in 0...1") }
        }

        func run() throws {
            var options = ClassifierOptions()
            options.threshold = threshold
            try tuning.apply(to: &options)
            let directory = URL(fileURLWithPath: intentsOptions.intents)
            do {
                let trainingSet = try TrainingSet.load(from: directory)
                let clock = ContinuousClock()
                var trained: IntentClassifier?
                let elapsed = try clock.measure { trained = try IntentClassifier.train(on: trainingSet, options: options) }
                guard let classifier = trained else { return }
                let url = model.map { URL(fileURLWithPath: $0) }
                    ?? ModelCache.modelURL(for: trainingSet, options: options, in: ModelCache.directory())
                try classifier.save(to: url)
                let (seconds, attoseconds) = elapsed.components
                print("intents     \(classifier.intentNames.count)")
                print("examples    \(classifier.exampleCount)")
                print("vocabulary  \(classifier.vocabularySize) features")
                print(String(format: "threshold   %.4f", classifier.threshold))
                print(String(format: "time        %.3f s", Double(seconds) + Double(attoseconds) * 1e-18))
                print("saved       \(url.path)")
            } catch let error as IntentsError {
                if case .unwritableModel = error { throw report(error, exit: ExitStatus.ioError) }
                throw report(error, exit: ExitStatus.badData)
            }
        }
    }
}
