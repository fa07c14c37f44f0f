import ArgumentParser

extension Concierge {
    /// `concierge bench <area>`: the performance figures, as JSON, measured in one process.
    ///
    /// Run it on a release build (`swift run -c release concierge bench classifier`): debug builds are
    /// many times slower and say nothing about what users get.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Measure training, classification, sentiment, CRM, dialogue and transcript speed (JSON).",
            subcommands: [BenchClassifier.self, BenchSentiment.self, BenchCRM.self, BenchDialogue.self, BenchTranscripts.self]
        )
    }
}
