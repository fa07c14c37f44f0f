import ArgumentParser
import Foundation
import Sentiment

extension Concierge {
    /// `concierge sentiment [--json] [TEXT...]`: `score<TAB>label` per text, or per line of stdin.
    struct Sentiment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sentiment",
            abstract: "Score the sentiment of each TEXT, or of each line of standard input.",
            discussion: """
                Prints one line per input line, in order: the compound score in [-1, 1] with four decimals, \
                a tab, and the label (negative below -0.05, positive above 0.05, else neutral). With --json, \
                one JSON object per line, with the words that carried the score. Streams: a million lines \
                take constant memory.
                """
        )

        @OptionGroup var output: OutputOptions

        @Option(name: .long, help: ArgumentHelp(
            "Score with this lexicon file instead of the bundled one (for held-out evaluation).",
            valueName: "file", visibility: .hidden))
        var lexicon: String?

        @Argument(help: "Texts to score; with none, each line of standard input.")
        var texts: [String] = []

        func run() throws {
            var scorer = SentimentScorer.standard
            if let lexicon {
                do {
                    scorer = SentimentScorer(lexicon: try SentimentLexicon(contentsOf: URL(fileURLWithPath: lexicon)))
                } catch let error as SentimentError {
                    if case .unreadableLexicon = error { throw report(error, exit: ExitStatus.ioError) }
                    throw report(error, exit: ExitStatus.badData)
                }
            }
            let json = output.json
            let format: (String) -> String = { text in
                json ? scorer.score(text).jsonLine : scorer.score(text).tabSeparatedLine
            }
            var out = StandardOutput()
            if !texts.isEmpty {
                for text in texts { out.write(format(text)) }
                out.flush()
                return
            }
            var input = LineStream(fileDescriptor: 0)
            // Output is flushed whenever the input has no complete line waiting, so an interactive or
            // line-by-line peer sees each answer at once, while a file is written in large blocks.
            while let line = input.nextLine(beforeWaiting: { out.flush() }) {
                out.write(format(line))
            }
            out.flush()
            if let error = input.error {
                throw report(SentimentCommandFailure("error: cannot read standard input: \(error)"), exit: ExitStatus.ioError)
            }
        }
    }
}

/// Lines from a file descriptor, read in 64 KiB blocks: constant memory whatever the input's length
/// (a single line is held whole), invalid UTF-8 repaired with U+FFFD, `\r\n` accepted.
struct LineStream {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where to look for the next newline: bytes before it (from `start`) are known to have none, so a
    /// long line arriving in many reads is scanned once, not once per read.
    private var searchFrom = 0
    private var atEnd = false
    private(set) var error: String?

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line without its newline, or nil at the end. `beforeWaiting` runs before each read.
    mutating func nextLine(beforeWaiting: () -> Void) -> String? {
        while true {
            if let newline = buffer[max(start, searchFrom)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                searchFrom = start
                return line
            }
            searchFrom = buffer.count
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            // Keep only the unfinished line, then read more.
            buffer.removeSubrange(0..<start)
            searchFrom -= start
            start = 0
            beforeWaiting()
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                atEnd = true
            } else if errno != EINTR {
                error = String(cString: strerror(errno))
                atEnd = true
            }
        }
    }
}

/// Standard output with a buffer of our own, flushed in blocks.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 65_536 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                break  // stdout closed (e.g. `| head`): nothing more can be delivered
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A failure of the sentiment commands that is not a module error (an unreadable input).
struct SentimentCommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
