import Dispatch

/// Throughput of the scorer, measured in this process.
public struct SentimentBenchmark: Sendable, Equatable {
    public var sentences: Int
    public var seconds: Double
    public var sentencesPerSecond: Double { seconds > 0 ? Double(sentences) / seconds : 0 }

    /// Scores `texts` `rounds` times with `score(_:)` (contributions included, as the dialogue uses it).
    public static func measure(_ scorer: SentimentScorer, texts: [String], rounds: Int) -> SentimentBenchmark {
        var checksum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<max(rounds, 1) {
            for text in texts { checksum += scorer.score(text).compound }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Keeps the optimiser from dropping the loop.
        if checksum.isNaN { return SentimentBenchmark(sentences: 0, seconds: seconds) }
        return SentimentBenchmark(sentences: texts.count * max(rounds, 1), seconds: seconds)
    }

    public init(sentences: Int, seconds: Double) {
        self.sentences = sentences
        self.seconds = seconds
    }

    /// Customer turns to measure on when no data set is given.
    public static let sampleTexts: [String] = [
        "where is my order 10023?",
        "I have been waiting THREE weeks and my package never arrived!!!",
        "thanks so much, that was really helpful :)",
        "the shoes are nice but the delivery was terribly slow",
        "this is the third time I'm calling and no one answers",
        "can you recommend a good running jacket under $100",
        "Worst service ever. Thanks for nothing.",
        "not bad at all, I'm pretty happy with it 👍",
        "i want to cancel my order please",
        "Sooo disappointed, the screen was cracked when it arrived 😡",
    ]
}
