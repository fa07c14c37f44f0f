/// The pattern of a `< glob` line (SPEC §3).
///
/// A glob matches the *whole* reply, case ignored and every run of white space counted as one space.
/// `*` matches any text, also none. Nothing else is special, except the backslash that makes a
/// metacharacter literal:
///
/// | written | matches |
/// |---|---|
/// | `*`  | any text, also none |
/// | `\*` | a literal `*` |
/// | `\\` | a literal `\` |
/// | `\` before anything else, or at the end | a literal `\` |
///
/// So `< Your card **** 1111 was charged` is four wildcards, and a recorder that wants the literal
/// text writes `< Your card \*\*\*\* 1111 was charged` (see `Glob.escape`).
public struct Glob: Sendable, Equatable {
    /// The literal pieces between the wildcards, folded (lower case, white space collapsed), as UTF-8.
    private let pieces: [[UInt8]]
    /// False when the pattern holds no `*`: the reply must then equal the single piece.
    private let hasWildcard: Bool

    /// Compiles a pattern as written after `< `.
    public init(_ pattern: String) {
        let folded = Reply.collapsingWhitespace(pattern).lowercased()
        var pieces: [[UInt8]] = [[]]
        var wildcard = false
        var bytes = Array(folded.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\\"):
                if let next = bytes.first, next == UInt8(ascii: "*") || next == UInt8(ascii: "\\") {
                    pieces[pieces.count - 1].append(next)
                    bytes.removeFirst()
                } else {
                    pieces[pieces.count - 1].append(byte)
                }
            case UInt8(ascii: "*"):
                wildcard = true
                pieces.append([])
            default:
                pieces[pieces.count - 1].append(byte)
            }
        }
        self.pieces = pieces
        self.hasWildcard = wildcard
    }

    /// The glob that matches exactly `literal` (up to case and white space): `*` and `\` escaped.
    public static func escape(_ literal: String) -> String {
        var output = ""
        output.reserveCapacity(literal.utf8.count)
        for character in literal {
            if character == "*" || character == "\\" { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// True when the whole of `folded` (already lower case with white space collapsed) matches.
    public func matches(_ folded: String) -> Bool {
        let text = Array(folded.utf8)
        guard hasWildcard else { return text == pieces[0] }
        let head = pieces[0]
        let tail = pieces[pieces.count - 1]
        guard text.count >= head.count + tail.count,
              text.starts(with: head), text.suffix(tail.count).elementsEqual(tail)
        else { return false }
        // Middle pieces: leftmost occurrence, in order, between head and tail. Greedy leftmost is
        // enough for `*`-only globs: taking an earlier occurrence never rules out a later piece.
        var position = head.count
        let end = text.count - tail.count
        for piece in pieces.dropFirst().dropLast() {
            guard let found = Glob.find(piece, in: text, from: position, to: end) else { return false }
            position = found + piece.count
        }
        return true
    }

    /// The first index ≥ `start` where `needle` occurs wholly before `end`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard end - start >= needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= end - needle.count {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
