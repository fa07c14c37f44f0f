import TextKit
import XCTest

final class TextLinesTests: XCTestCase {
    /// The numbered lines of `input` as text, and the line the input ends on.
    private func lines(_ input: [UInt8]) -> (lines: [Line], end: Int) {
        input.withUnsafeBufferPointer { buffer in
            let text = TextLines(buffer)
            return (text.map { Line($0.number, String(decoding: $0.bytes, as: UTF8.self)) }, text.endLineNumber)
        }
    }

    private func lines(_ input: String) -> (lines: [Line], end: Int) {
        lines(Array(input.utf8))
    }

    private struct Line: Equatable, CustomStringConvertible {
        var number: Int
        var text: String
        init(_ number: Int, _ text: String) {
            self.number = number
            self.text = text
        }
        var description: String { "\(number): \(text.debugDescription)" }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    func testEmptyInputHasNoLinesAndEndsOnLineOne() {
        XCTAssertEqual(lines("").lines, [])
        XCTAssertEqual(lines("").end, 1)
    }

    func testAFinalNewlineEndsTheLastLineWithoutStartingAnother() {
        let cases: [(input: String, lines: [Line], end: Int)] = [
            ("a", [Line(1, "a")], 1),
            ("a\n", [Line(1, "a")], 2),
            ("a\nb", [Line(1, "a"), Line(2, "b")], 2),
            ("a\nb\n", [Line(1, "a"), Line(2, "b")], 3),
            ("\n", [Line(1, "")], 2),
        ]
        for (input, expected, end) in cases {
            XCTAssertEqual(lines(input).lines, expected, input.debugDescription)
            XCTAssertEqual(lines(input).end, end, input.debugDescription)
        }
    }

    func testBlankLinesAreYieldedSoNumbersStayRight() {
        XCTAssertEqual(lines("a\n\n  \nb\n\n").lines, [Line(1, "a"), Line(2, ""), Line(3, "  "), Line(4, "b"), Line(5, "")])
        XCTAssertEqual(lines("a\n\n  \nb\n\n").end, 6)
    }

    func testCarriageReturnEndingALineIsDropped() {
        XCTAssertEqual(lines("a\r\nb\r\n").lines, [Line(1, "a"), Line(2, "b")])
        XCTAssertEqual(lines("a\r\nb\r\n").end, 3)
        XCTAssertEqual(lines("a\r\n\r\nb\r").lines, [Line(1, "a"), Line(2, ""), Line(3, "b")])
        // Only the one `\r` of the line end goes.
        XCTAssertEqual(lines("a\r\r\n").lines, [Line(1, "a\r")])
    }

    func testLoneCarriageReturnInsideALineIsText() {
        XCTAssertEqual(lines("a\rb\n\rc\n").lines, [Line(1, "a\rb"), Line(2, "\rc")])
        XCTAssertEqual(lines("a\rb\n").end, 2)
    }

    func testByteOrderMarkIsSkippedOnlyAtTheStart() {
        let marked = lines(Self.byteOrderMark + Array("a\nb\n".utf8))
        XCTAssertEqual(marked.lines, [Line(1, "a"), Line(2, "b")])
        XCTAssertEqual(marked.end, 3)
        XCTAssertEqual(lines(Self.byteOrderMark).lines, [])
        XCTAssertEqual(lines(Self.byteOrderMark).end, 1)
        XCTAssertEqual(lines(Self.byteOrderMark + Array("\r\n".utf8)).lines, [Line(1, "")])
        // Only one mark is skipped, and only the first bytes of the input are one.
        XCTAssertEqual(lines(Self.byteOrderMark + Self.byteOrderMark + Array("a".utf8)).lines, [Line(1, "\u{FEFF}a")])
        XCTAssertEqual(lines(Array("a\n".utf8) + Self.byteOrderMark + Array("b".utf8)).lines,
                       [Line(1, "a"), Line(2, "\u{FEFF}b")])
        XCTAssertEqual(lines([0xEF, 0xBB, 0x61]).lines.map(\.number), [1])
    }

    func testBytesArePassedOnUndecoded() {
        let invalid: [UInt8] = [0x61, 0xFF, 0x0A, 0xC3, 0x0D, 0x0A]
        let bytes = invalid.withUnsafeBufferPointer { buffer in TextLines(buffer).map { Array($0.bytes) } }
        XCTAssertEqual(bytes, [[0x61, 0xFF], [0xC3]])
    }

    func testRawBytesReadTheSame() {
        let data: [UInt8] = Self.byteOrderMark + Array("x\r\ny".utf8)
        let read = data.withUnsafeBytes { raw in TextLines(raw).map { [UInt8]($0.bytes) } }
        XCTAssertEqual(read, [Array("x".utf8), Array("y".utf8)])
    }
}
