import ArgumentParser
import Foundation
import Sentiment

/// `concierge bench sentiment`: the scorer's throughput, as JSON.
struct BenchSentiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Measure sentiment scoring speed: sentences per second in one process (JSON)."
    )

    @Option(name: .long, help: ArgumentHelp(
        "A human_mean<TAB>text file to score (default: the tweets and movie snippets of the shared benchmarks if found, else built-in samples).",
        valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: "How many times to score the whole set.")
    var rounds = 20

    func validate() throws {
        guard rounds > 0 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        var files = data
        if files.isEmpty {
            files = ["../shared/benchmarks/sentiment", "/work/shared/benchmarks/sentiment"]
                .flatMap { ["\($0)/tweets.tsv", "\($0)/movieReviewSnippets.tsv"] }
                .filter { FileManager.default.isReadableFile(atPath: $0) }
                .prefix(2).map { $0 }
        }
        var texts: [String] = []
        for file in files {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw report(SentimentCommandFailure("error: cannot read \(file)"), exit: ExitStatus.ioError)
            }
            for line in String(decoding: contents, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 1)
                texts.append(String(fields.count == 2 ? fields[1] : line))
            }
        }
        if texts.isEmpty { texts = SentimentBenchmark.sampleTexts }
        let scorer = SentimentScorer.standard
        _ = SentimentBenchmark.measure(scorer, texts: texts, rounds: 1)  // warm-up
        let result = SentimentBenchmark.measure(scorer, texts: texts, rounds: rounds)
        let sources = files.isEmpty ? "\"built-in samples\"" : files.map { "\"\($0)\"" }.joined(separator: ", ")
        print("""
            {"benchmark": "sentiment", "data": [\(sources)], "distinct_sentences": \(texts.count), \
            "sentences": \(result.sentences), "seconds": \((result.seconds * 1000).rounded() / 1000), \
            "sentences_per_second": \(Int(result.sentencesPerSecond.rounded())), \
            "lexicon_entries": \(scorer.lexicon.count), "threads": 1}
            """)
    }
}
