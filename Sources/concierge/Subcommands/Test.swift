import ArgumentParser
import Foundation
import Transcripts

extension Concierge {
    /// `concierge test [PATH...]`: runs dialogue transcripts against the agent (SPEC §1, §3).
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run dialogue transcripts against the agent.",
            discussion: """
                Each transcript runs in isolation: a fresh in-memory CRM loaded from its fixture, a fresh \
                session, the clock of its @today. Exits 0 when all pass, 1 when any fails, 65 when a \
                transcript, fixture or intents file does not parse.
                """
        )

        @Argument(help: ArgumentHelp("Transcript files, or folders holding *.dialogue files (default: dialogues).",
                                     valueName: "path"))
        var paths: [String] = []

        @Option(name: .long, help: "How many transcripts run at once (default: the number of cores).")
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
        var junit: String?

        @OptionGroup var intents: IntentsOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs).") }
        }

        func run() throws {
            let transcripts: [Transcript]
            do {
                transcripts = try TranscriptSuite.load(paths.isEmpty ? ["dialogues"] : paths)
            } catch {
                throw report(error, exit: error.errors.contains { $0.line == nil } ? ExitStatus.ioError : ExitStatus.badData)
            }
            let agent: DialogueTranscriptAgent
            do {
                agent = try DialogueTranscriptAgent.trained(intentsDirectory: URL(fileURLWithPath: intents.intents))
            } catch {
                throw report(error, exit: ExitStatus.badData)
            }
            let runner = TranscriptRunner(agent: agent, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let testReport: TestReport
            do {
                testReport = try runner.run(transcripts)
            } catch {
                throw report(error, exit: ExitStatus.badData)
            }
            if output.json {
                print(JSONReporter.render(testReport))
            } else {
                let reporter = TextReporter(colour: TerminalStyle.detect().colored)
                for result in testReport.results { print(reporter.render(result)) }
                print(reporter.summary(testReport))
            }
            if let junit {
                do {
                    try Data(JUnitReporter.render(testReport).utf8).write(to: URL(fileURLWithPath: junit))
                } catch {
                    throw report(WriteFailure(path: junit, what: "the JUnit report", error: error), exit: ExitStatus.ioError)
                }
            }
            if !testReport.allPassed { throw ExitStatus.checksFailed }
        }
    }
}

/// A report file that could not be written, said like a compiler would.
struct WriteFailure: Error, CustomStringConvertible {
    var path: String
    var what: String
    var error: any Error

    var description: String {
        "\(path): error: cannot write \(what): \(error.localizedDescription)"
    }
}
