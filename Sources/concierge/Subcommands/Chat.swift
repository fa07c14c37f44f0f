import ArgumentParser
import CRM
import Dialogue
import Foundation
import Intents
import TextKit
import Transcripts

extension Concierge {
    /// `concierge chat`: the REPL a customer talks to.
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Talk to the agent (readline on a terminal, plain lines on a pipe).",
            discussion: "Slash commands: /help, /debug, /reset, /whoami, /quit. Ctrl-D says goodbye.")

        @Option(help: ArgumentHelp("Sign in as this customer (e.g. C1001); anonymous without it.", valueName: "id"))
        var customer: String?

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Run on a throwaway database loaded from this fixture.", valueName: "file"))
        var fixture: String?

        @OptionGroup var intentsOptions: IntentsOptions

        @Flag(help: "Show intent, confidence, sentiment, slots, state and action after each reply.")
        var debug = false

        @Option(help: ArgumentHelp("Write the session as a transcript to this file.", valueName: "file"))
        var record: String?

        @Option(help: ArgumentHelp("Seed for the choice of reply wording (default: random).", valueName: "n"))
        var seed: UInt64?

        /// The seed `concierge test` replays with, so a recorded session's replies are worded alike.
        private static let recordingSeed = TranscriptRunner<DialogueTranscriptAgent>.seed

        func validate() throws {
            if record != nil, let seed, seed != Self.recordingSeed {
                throw ValidationError(
                    "--record uses the transcript runner's seed (\(Self.recordingSeed)) so the replay words its replies the same; drop --seed.")
            }
            if database.db != nil, fixture != nil {
                throw ValidationError("--db and --fixture cannot be used together: --fixture runs on a throwaway database.")
            }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let classifier: IntentClassifier
            do {
                classifier = try ModelCache.classifier(for: URL(fileURLWithPath: intentsOptions.intents))
            } catch {
                throw report(error, exit: ExitStatus.badData)
            }
            let store = try openStore(environment: environment)
            if let customer {
                guard (try? store.customer(id: customer)) ?? nil != nil else {
                    throw report(ChatError.unknownCustomer(customer), exit: ExitStatus.usage)
                }
            }
            let recorder = try record.map { path in
                let transcript = URL(fileURLWithPath: path)
                let recorder = TranscriptRecorder(
                    fixture: fixture.map { TranscriptRecorder.fixturePath(URL(fileURLWithPath: $0), relativeTo: transcript) },
                    customerID: customer, today: CivilDate(Date()))
                return try TranscriptFile(path: path, recorder: recorder)
            }
            let interactive = isatty(STDIN_FILENO) == 1
            let reader: LineReader = interactive
                ? ReadlineLineReader(historyPath: Self.historyPath(environment: environment))
                : PlainLineReader()
            var repl = REPL(
                agent: Agent(classifier: classifier),
                store: store,
                customerID: customer,
                // A recorded session words its replies as `concierge test` will when it replays them.
                seed: seed ?? (record != nil ? Self.recordingSeed : UInt64.random(in: 0...UInt64.max)),
                style: TerminalStyle.detect(environment: environment),
                interactive: interactive,
                debug: debug,
                recorder: recorder)
            repl.run(reader: reader)
        }

        /// The database this session acts on: a throwaway one from `--fixture`, the file at `--db`, or the
        /// embedded default, created from the demo data on first use.
        private func openStore(environment: [String: String]) throws -> CRMStore {
            if let fixture {
                let data = try loadFixture(atPath: fixture)
                do {
                    return try CRMStore.inMemory(loading: data)
                } catch {
                    throw report(error, exit: ExitStatus.ioError)
                }
            }
            do {
                if let path = database.db {
                    return try CRMStore.openExisting(path: path)
                }
                let opened = try CRMStore.openDefault(environment: environment)
                if opened.created {
                    FileHandle.standardError.write(Data("created the demo database at \(opened.path)\n".utf8))
                }
                return opened.store
            } catch {
                throw report(error, exit: ExitStatus.ioError)
            }
        }

        /// `$XDG_STATE_HOME/concierge/history`, default `~/.local/state/concierge/history`.
        static func historyPath(environment: [String: String]) -> String? {
            if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
                return state + "/concierge/history"
            }
            guard let home = environment["HOME"], !home.isEmpty else { return nil }
            return home + "/.local/state/concierge/history"
        }
    }
}

enum ChatError: Error, CustomStringConvertible {
    case unknownCustomer(String)

    var description: String {
        switch self {
        case .unknownCustomer(let id):
            "error: no customer '\(TerminalText.sanitized(id))' in this database"
        }
    }
}
