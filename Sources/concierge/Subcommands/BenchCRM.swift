import ArgumentParser
import CRM
import Foundation

/// `concierge bench crm`: order lookup, complaint logging and recommendation latency on the demo
/// database, as JSON.
struct BenchCRM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "Measure order lookup, complaint logging and recommendation latency on the demo database (JSON)."
    )

    @Option(name: .long, help: ArgumentHelp(
        "Where to build the scratch demo database (default: a temporary file, removed afterwards).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Order lookups to time.")
    var lookups = 2_000

    @Option(name: .long, help: "Complaints to log and time.")
    var complaints = 500

    func validate() throws {
        if lookups < 1 || complaints < 1 { throw ValidationError("--lookups and --complaints must be at least 1") }
    }

    func run() throws {
        let path = db ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-bench-crm-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        defer {
            if db == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        let result: CRMBenchmark
        do {
            result = try CRMBenchmark.run(path: path, lookups: lookups, complaints: complaints)
        } catch {
            throw report(error, exit: ExitStatus.ioError)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
