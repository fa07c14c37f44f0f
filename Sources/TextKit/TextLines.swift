/// The numbered lines of a text file's UTF-8 bytes: what a line and its number are for every loader of a
/// line-based format (intents, transcripts, the sentiment lexicon), so `file:line` means the same in all.
///
/// - A UTF-8 byte order mark at the very start (some Windows editors write one) is skipped: it is not
///   part of the first line. Elsewhere its bytes are text.
/// - A line ends at `\n`. A `\r` that ends a line, before its `\n` (`\r\n`) or at the end of the input,
///   is not part of it; a `\r` anywhere else is.
/// - A final `\n` ends the last line; it does not start an empty one, as editors and POSIX count:
///   `"a\n"` and `"a"` are one line each, empty input has none. A message about the file as a whole
///   (nothing found in it) names `endLineNumber`, the line the input ends on.
/// - Lines are numbered from 1, and blank lines are lines: they are yielded, so numbers stay right.
///
/// The bytes are not decoded; each caller checks its own lines' UTF-8 and reports the line. A view, valid
/// only while the buffer it was made from is.
public struct TextLines: Sequence {
    /// The input after any byte order mark.
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    }

    /// The lines of bytes read from a file (`Data.withUnsafeBytes`).
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.init(bytes.bindMemory(to: UInt8.self))
    }

    /// The number of the line the input ends on: one more than its count of `\n`, so the last line's
    /// number, or the one after it when the input ends with `\n` (1 for empty input). Counts on each call.
    public var endLineNumber: Int {
        bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    public func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    /// Yields each line's number and its bytes, without the `\n` or `\r\n` that ends it.
    public struct Iterator: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where the next line starts.
        var start = 0
        var number = 0

        public mutating func next() -> (number: Int, bytes: UnsafeBufferPointer<UInt8>)? {
            guard start < bytes.count else { return nil }
            number += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let lineStart = start
            start = end + 1
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return (number, UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
        }
    }
}
