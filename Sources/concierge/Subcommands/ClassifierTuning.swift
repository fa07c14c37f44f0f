import ArgumentParser
import Intents

/// Hidden knobs of the classifier, for tuning experiments (`--alpha 0.05 --weights 1,0.7,0.7`).
struct ClassifierTuningOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Naive Bayes smoothing.", visibility: .hidden))
    var alpha: Double?

    @Option(name: .long, help: ArgumentHelp("Weight λ of hard training examples (0: each counts once).",
                                            visibility: .hidden))
    var hardExampleWeight: Double?

    @Flag(name: .long, help: ArgumentHelp("Count each example's TF-IDF mass as is (not 1).", visibility: .hidden))
    var rawExampleMass = false

    @Option(name: .long, help: ArgumentHelp("Unigram,bigram,char-gram group weights.", visibility: .hidden))
    var weights: String?

    @Option(name: .long, help: ArgumentHelp("Posterior temperature.", visibility: .hidden))
    var temperature: Double?

    @Option(name: .long, help: ArgumentHelp("Character n-gram lengths, min,max.", visibility: .hidden))
    var grams: String?

    @Option(name: .long, help: ArgumentHelp("Threshold choice: credit for rejecting a wrong guess.",
                                            visibility: .hidden))
    var rejectCredit: Double?

    @Option(name: .long, help: ArgumentHelp("Threshold choice: weight of out_of_scope examples.", visibility: .hidden))
    var oosWeight: Double?

    @Option(name: .long, help: ArgumentHelp("Fallback: weight of P(out_of_scope) against the top posterior.",
                                            visibility: .hidden))
    var oosPenalty: Double?

    @Flag(name: .long, help: ArgumentHelp("Fit the class prior.", visibility: .hidden))
    var fitPrior = false

    /// The options with these overrides applied over the defaults.
    func apply(to options: inout ClassifierOptions) throws {
        if let alpha { options.alpha = alpha }
        if let hardExampleWeight { options.hardExampleWeight = hardExampleWeight }
        if rawExampleMass { options.normalizesExamples = false }
        if let temperature {
            guard temperature > 0 else { throw ValidationError("--temperature must be greater than 0") }
            options.temperature = temperature
        }
        if fitPrior { options.fitPrior = true }
        if let rejectCredit { options.rejectCredit = rejectCredit }
        if let oosWeight { options.outOfScopeWeight = oosWeight }
        if let oosPenalty { options.outOfScopePenalty = oosPenalty }
        if let weights {
            let values = weights.split(separator: ",").compactMap { Float($0) }
            guard values.count == 3 else { throw ValidationError("--weights takes three numbers, e.g. 1,0.7,0.7") }
            options.groupWeights = values
        }
        if let grams {
            let values = grams.split(separator: ",").compactMap { Int($0) }
            guard values.count == 2, values[0] >= 1, values[0] <= values[1] else {
                throw ValidationError("--grams takes min,max, e.g. 2,5")
            }
            options.minGram = values[0]
            options.maxGram = values[1]
        }
    }
}
