import ArgumentParser
import CRM
import Dialogue
import Foundation
import Intents

/// `concierge bench dialogue`: how long one reply takes, end to end but without the terminal
/// (understanding, state machine, CRM actions, conversation log, wording), over scripted conversations
/// on the demo data, as JSON.
struct BenchDialogue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialogue",
        abstract: "Measure per-reply latency of scripted conversations on the demo database (JSON)."
    )

    @OptionGroup var intents: IntentsOptions

    @Option(name: .long, help: ArgumentHelp(
        "Where to build the scratch demo database (default: a temporary file, removed afterwards).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Use an in-memory database instead of a file (no disk writes).")
    var inMemory = false

    @Option(name: .long, help: "How many times to run the scripted conversations.")
    var rounds = 200

    func validate() throws {
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if inMemory, db != nil { throw ValidationError("--in-memory and --db exclude each other") }
    }

    func run() throws {
        let classifier: IntentClassifier
        do {
            classifier = try ModelCache.classifier(for: URL(fileURLWithPath: intents.intents))
        } catch {
            throw report(error, exit: ExitStatus.badData)
        }
        let path = db ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-bench-dialogue-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        defer {
            if db == nil, !inMemory {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let store: CRMStore
        do {
            if inMemory {
                store = try CRMStore.inMemory(loading: .demo)
            } else {
                try CRMStore.create(at: path, from: .demo, replacing: db == nil)
                store = try CRMStore(path: path)
            }
        } catch {
            throw report(error, exit: ExitStatus.ioError)
        }
        // The demo data's "today", so that expected dates read as they do in transcripts.
        let today = Date(timeIntervalSince1970: 1_795_435_200)
        let agent = Agent(classifier: classifier)
        let result = DialogueBenchmark.run(
            agent: agent, records: StoreRecords(store: store, now: { today }), rounds: rounds, now: { today })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(Output(database: inMemory ? ":memory:" : "file (WAL)", report: result)),
                     as: UTF8.self))
    }

    /// The report with the kind of database it ran on.
    private struct Output: Encodable {
        var database: String
        var report: DialogueBenchmark.Report

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(database, forKey: .database)
        }

        enum Key: String, CodingKey { case database }
    }
}
