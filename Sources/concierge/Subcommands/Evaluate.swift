import ArgumentParser
import Foundation
import Intents

extension Concierge {
    /// `concierge evaluate`: scores the classifier on held-out data or by cross-validation.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train on an intents folder and score the classifier (held-out or K-fold).")

        @Option(name: .long, help: ArgumentHelp("The training data: one <intent>.txt per intent.", valueName: "dir"))
        var intents: String

        @Option(name: .long, help: ArgumentHelp("Held-out test data in the same format.", valueName: "dir"))
        var test: String?

        @Option(name: .long, help: ArgumentHelp("Stratified K-fold cross-validation instead of --test.", valueName: "k"))
        var folds: Int?

        @Option(name: .long, help: ArgumentHelp(
            "Fall back to out_of_scope under this confidence (default: chosen by cross-validation).", valueName: "x"))
        var threshold: Double?

        @Option(name: .customLong("report"),
                help: ArgumentHelp("Write a self-contained HTML report here.", valueName: "file.html"))
        var reportFile: String?

        @OptionGroup var output: OutputOptions
        @OptionGroup var tuning: ClassifierTuningOptions

        func validate() throws {
            switch (test, folds) {
            case (nil, nil): throw ValidationError("give --test DIR or --folds K")
            case (.some, .some): throw ValidationError("give either --test or --folds, not both")
            default: break
            }
            if let folds, folds < 2 { throw ValidationError("--folds must be at least 2") }
            if let threshold, !(0...1).contains(threshold) { throw ValidationError("--threshold must be in 0...1") }
        }

        func run() throws {
            var options = ClassifierOptions()
            options.threshold = threshold
            try tuning.apply(to: &options)
            let evaluation: Evaluation
            do {
                let training = try TrainingSet.load(from: URL(fileURLWithPath: intents))
                if let test {
                    let testSet = try TrainingSet.load(from: URL(fileURLWithPath: test))
                    evaluation = try Evaluator.evaluate(training: training, test: testSet, options: options)
                } else {
                    evaluation = try Evaluator.crossValidate(training, folds: folds ?? 5, options: options)
                }
            } catch let error as IntentsError {
                throw report(error, exit: ExitStatus.badData)
            }
            if let path = reportFile {
                let html = EvaluationReport(evaluation: evaluation, title: "Concierge evaluation: \(intents)").html()
                do {
                    try Data(html.utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw report(ReportFileError(path: path, reason: error.localizedDescription),
                                 exit: ExitStatus.ioError)
                }
            }
            print(output.json ? evaluation.json() : evaluation.table())
        }
    }
}

/// The HTML report could not be written.
private struct ReportFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): error: cannot write the report: \(reason)" }
}
