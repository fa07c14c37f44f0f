import CReadline
import Foundation
import TextKit

/// GNU readline on a terminal: line editing, persistent history, tab completion of slash commands,
/// and Ctrl-C clearing the line as a shell does.
///
/// readline is GPL-licensed; it stays behind `LineReader` so it can be swapped for libedit.
final class ReadlineLineReader: LineReader {
    private let historyPath: String?

    /// The slash commands that Tab completes.
    static let completions = ["/help", "/debug", "/reset", "/whoami", "/quit"]

    init(historyPath: String?) {
        self.historyPath = historyPath
        concierge_readline_configure(completeSlashCommand)
        stifle_history(1000)
        if let historyPath {
            try? FileManager.default.createDirectory(
                atPath: (historyPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            read_history(historyPath)
        }
    }

    func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        // Decoding repairs invalid UTF-8 with U+FFFD rather than failing.
        let line = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
        // History is a file on disk: it keeps what was typed minus escapes and with card numbers masked,
        // as the transcript recorder and the complaint log do.
        let remembered = CardNumberMasker.mask(TerminalText.sanitized(line))
        if !remembered.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(remembered)
        }
        return line
    }

    func close() {
        if let historyPath {
            write_history(historyPath)
        }
        concierge_readline_restore_interrupt()
    }
}

/// Completes slash commands at the start of the line; anything else gets no completion (not file names).
private func completeSlashCommand(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    concierge_readline_suppress_default_completion()
    guard start == 0, let text, text.pointee == CChar(UInt8(ascii: "/")) else { return nil }
    return rl_completion_matches(text, slashCommandGenerator)
}

/// readline asks for the `index`-th match until it gets nil; `index` counts the matches returned so far.
private func slashCommandGenerator(_ text: UnsafePointer<CChar>?, _ index: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text)
    let matches = ReadlineLineReader.completions.filter { $0.hasPrefix(prefix) }
    guard Int(index) < matches.count else { return nil }
    return strdup(matches[Int(index)])
}
