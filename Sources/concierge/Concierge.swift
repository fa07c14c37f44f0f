import ArgumentParser
import Foundation
import CMalloc

/// The `concierge` command: a thin shell over the library modules, one file per subcommand.
@main
struct Concierge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge",
        abstract: "A customer-service agent you talk to in a terminal.",
        subcommands: [
            Chat.self, Train.self, Evaluate.self, Classify.self, Sentiment.self,
            DB.self, Complaints.self, Recommend.self, Bench.self, Test.self, Validate.self,
        ]
    )

    /// Parses and runs like ArgumentParser's own `main()`, except that usage errors exit with 2
    /// (SPEC §1) rather than sysexits' 64.
    static func main() {
        concierge_keep_freed_memory()  // see CMalloc
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
