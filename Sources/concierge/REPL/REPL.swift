import CRM
import Dialogue
import Foundation
import TextKit
import Transcripts

/// The chat loop: reads a line, answers slash commands itself, hands everything else to the session,
/// prints the replies. Terminal details (readline, colour) come in through `LineReader` and `TerminalStyle`.
struct REPL {
    private let agent: Agent
    private let store: CRMStore
    private let customerID: String?
    private let seed: UInt64
    private let style: TerminalStyle
    private let interactive: Bool
    private var debug: Bool
    private var session: Session
    private var recorder: TranscriptFile?

    init(agent: Agent, store: CRMStore, customerID: String?, seed: UInt64, style: TerminalStyle,
         interactive: Bool, debug: Bool, recorder: TranscriptFile?)
    {
        self.agent = agent
        self.store = store
        self.customerID = customerID
        self.seed = seed
        self.style = style
        self.interactive = interactive
        self.debug = debug
        self.recorder = recorder
        self.session = Self.newSession(agent: agent, store: store, customerID: customerID, seed: seed)
    }

    private static func newSession(agent: Agent, store: CRMStore, customerID: String?, seed: UInt64) -> Session {
        Session(agent: agent, store: store, customerID: customerID, now: { Date() }, seed: seed)
    }

    /// Runs until the customer says goodbye, types /quit, or input ends (Ctrl-D).
    mutating func run(reader: LineReader) {
        say(session.opening)
        defer {
            reader.close()
            flush()
        }
        while let line = reader.readLine(prompt: interactive ? style.prompt("you › ") : "") {
            if let command = SlashCommand(line) {
                if perform(command) == .quit { return }
                continue
            }
            let turn = session.respond(to: line)
            say(turn.replies)
            if debug { show(turn) }
            recorder?.append(customer: line, replies: turn.replies, intent: turn.intent)
            flush()
            if turn.ended { return }
        }
        // End of input: Ctrl-D on a terminal, the end of a pipe.
        if interactive { print("") }
        say(session.farewell)
    }

    // MARK: - Slash commands

    enum SlashCommand: Equatable {
        case help, debug, reset, whoami, quit
        case unknown(String)

        init?(_ line: String) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("/"), !trimmed.contains(" ") else { return nil }
            switch trimmed.lowercased() {
            case "/help": self = .help
            case "/debug": self = .debug
            case "/reset": self = .reset
            case "/whoami": self = .whoami
            case "/quit", "/exit": self = .quit
            default: self = .unknown(trimmed)
            }
        }
    }

    private enum Outcome { case keepGoing, quit }

    private mutating func perform(_ command: SlashCommand) -> Outcome {
        switch command {
        case .help:
            note("""
                /help    this list
                /debug   show (or hide) intent, confidence, sentiment, slots, state and action after each reply
                /reset   start a fresh conversation
                /whoami  who this session is signed in as
                /quit    leave (Ctrl-D works too)
                """)
        case .debug:
            debug.toggle()
            note("debug output \(debug ? "on" : "off")")
        case .reset:
            session = Self.newSession(agent: agent, store: store, customerID: customerID, seed: seed)
            note("conversation reset")
            say(session.opening)
        case .whoami:
            if let customerID, let customer = try? store.customer(id: customerID) {
                note("signed in as \(customer.name) (\(customerID))")
            } else {
                note("anonymous: order details need the email address on the order")
            }
        case .quit:
            say(session.farewell)
            return .quit
        case .unknown(let text):
            note("unknown command \(TerminalText.sanitized(text)); try /help")
        }
        return .keepGoing
    }

    // MARK: - Output

    private func say(_ messages: [String]) {
        for message in messages {
            // Replies can quote customer text; sanitise again at the edge, whatever the engine did.
            let safe = TerminalText.sanitized(message)
            print(interactive ? style.agent("concierge › ") + safe : safe)
        }
    }

    private func note(_ text: String) {
        print(style.dim(text))
    }

    private func show(_ turn: TurnResult) {
        let slots = turn.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let line = String(
            format: "  [intent %@ %.2f · sentiment %@ %+.2f · slots %@ · state %@ · action %@]",
            turn.intent, turn.confidence, turn.sentiment.label.rawValue, turn.sentiment.compound,
            slots.isEmpty ? "-" : slots, turn.state, turn.actions.isEmpty ? "none" : turn.actions.joined(separator: ","))
        print(style.dim(TerminalText.sanitized(line)))
    }

    private func flush() {
        fflush(nil)  // every stream: stdout itself is a C global Swift 6 will not touch
    }
}
