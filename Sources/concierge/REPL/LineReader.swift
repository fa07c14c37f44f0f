import Foundation

/// Where the chat REPL gets the customer's lines from: readline on a terminal, plain lines on a pipe.
protocol LineReader: AnyObject {
    /// The next line without its newline, or nil at end of input (Ctrl-D on a terminal).
    func readLine(prompt: String) -> String?
    /// Called when the session ends, to persist history and restore the terminal.
    func close()
}

/// Reads standard input line by line, for pipes and files: `printf 'hi\n' | concierge chat`.
///
/// Invalid UTF-8 is repaired (Swift's `readLine` substitutes U+FFFD), so no byte a customer sends can
/// stop the session.
final class PlainLineReader: LineReader {
    func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }

    func close() {}
}
