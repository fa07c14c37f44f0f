import Foundation

/// How the REPL writes to the terminal: colour only when standard output is a terminal and `NO_COLOR`
/// is unset (https://no-color.org).
struct TerminalStyle: Sendable {
    let colored: Bool

    init(colored: Bool) {
        self.colored = colored
    }

    /// Colour when stdout is a TTY, unless `NO_COLOR` is set to anything.
    static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        TerminalStyle(colored: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil)
    }

    func agent(_ text: String) -> String { paint(text, "36") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func warning(_ text: String) -> String { paint(text, "33") }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension TerminalStyle {
    /// A readline prompt: colour codes are bracketed with \001 and \002 so readline knows they take
    /// no room on the line and keeps the cursor where it belongs.
    func prompt(_ text: String) -> String {
        colored ? "\u{01}\u{1B}[1m\u{02}\(text)\u{01}\u{1B}[0m\u{02}" : text
    }
}
