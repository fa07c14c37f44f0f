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
