import ArgumentParser
import CRM
import Foundation

/// `--intents DIR`: the training data every command that classifies reads.
struct IntentsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The intents folder: one <intent>.txt per intent.", valueName: "dir"))
    var intents: String = "intents"
}

/// `--db PATH`: the CRM database file.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The CRM database file (default: $CONCIERGE_DB, else $XDG_DATA_HOME/concierge/crm.sqlite).",
        valueName: "path"))
    var db: String?
}

/// `--json`: one JSON document on stdout instead of the human-readable text.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// The exit codes of SPEC §1.
enum ExitStatus {
    static let checksFailed = ExitCode(1)
    static let usage = ExitCode(2)
    static let badData = ExitCode(65)
    static let ioError = ExitCode(74)
}

/// Prints an error on standard error the way a compiler does, and gives the exit code to throw.
///
/// Module errors describe themselves as `path:line: error: message` (or `error: message` when no file
/// is involved); anything else gets the `error: ` prefix here.
func report(_ error: any Error, exit status: ExitCode) -> ExitCode {
    var message = String(describing: error)
    if !message.contains("error: ") { message = "error: " + message }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return status
}

/// Loads a fixture named on the command line: 74 when the file cannot be read, 65 when it does not parse.
func loadFixture(atPath path: String) throws -> Fixture {
    do {
        return try Fixture.load(from: URL(fileURLWithPath: path))
    } catch let error as FixtureError {
        if case .unreadable = error { throw report(error, exit: ExitStatus.ioError) }
        throw report(error, exit: ExitStatus.badData)
    }
}
