import ArgumentParser
import Foundation
import Transcripts

/// `concierge bench transcripts`: how fast `concierge test` runs a large suite (JSON).
///
/// Generates `--count` transcripts of six turns on small fixtures in a temporary folder, trains the
/// classifier once (timed apart), then parses and runs them all with `--jobs` workers.
struct BenchTranscripts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "Time parsing and running generated transcripts (JSON)."
    )

    @Option(name: .long, help: "How many transcripts to generate.")
    var count: Int = 1000

    @Option(name: .long, help: "How many transcripts run at once.")
    var jobs: Int = 2

    @OptionGroup var intents: IntentsOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1, got \(count).") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs).") }
    }

    func run() throws {
        let trainStart = Date()
        let agent: DialogueTranscriptAgent
        do {
            agent = try DialogueTranscriptAgent.trained(intentsDirectory: URL(fileURLWithPath: intents.intents))
        } catch {
            throw report(error, exit: ExitStatus.badData)
        }
        let trainSeconds = Date().timeIntervalSince(trainStart)
        let result: TranscriptBenchmark.Result
        do {
            result = try TranscriptBenchmark.run(count: count, runner: TranscriptRunner(agent: agent, jobs: jobs))
        } catch {
            throw report(error, exit: ExitStatus.ioError)
        }
        var figures = result
        figures.trainSeconds = trainSeconds
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(figures)
        print(String(decoding: data, as: UTF8.self))
    }
}
