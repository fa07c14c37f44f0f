import TextKit
import XCTest

final class TokenizerTests: XCTestCase {
    private let tokenizer = Tokenizer()

    private func texts(_ input: String) -> [String] {
        tokenizer.tokenize(input).map(\.text)
    }

    func testFoldsCaseAccentsAndFullWidthForms() {
        XCTAssertEqual(texts("Crème BRÛLÉE ＡＢＣ"), ["creme", "brulee", "abc"])
        XCTAssertEqual(texts("Order １２３"), ["order", "123"])
    }

    func testExpandsContractionsWithAndWithoutApostrophe() {
        let cases: [(String, [String])] = [
            ("where's my order", ["where", "is", "my", "order"]),
            ("wheres my order", ["where", "is", "my", "order"]),
            ("I don't know", ["i", "do", "not", "know"]),
            ("i dont know", ["i", "do", "not", "know"]),
            ("I’m upset", ["i", "am", "upset"]),
            ("can't", ["can", "not"]),
            ("won't work", ["will", "not", "work"]),
            ("they're late", ["they", "are", "late"]),
            ("my wife's order", ["my", "wife", "order"]),
            ("five o'clock", ["five", "oclock"]),
            ("it's i'd we'll they've you're shouldn't", ["it", "is", "i", "would", "we", "will", "they", "have",
                                                        "you", "are", "should", "not"]),
            ("ain't let's n't x'd'd rock'n'roll", ["is", "not", "let", "us", "not", "not", "x'd", "would",
                                                  "rocknroll"]),
            ("whats thats what want", ["what", "is", "that", "is", "what", "want"]),
            ("Chloé's café's", ["chloe", "cafe"]),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(texts(input), expected, input)
            // The fast path reads ASCII text's words as bytes; the same rules must give the same words.
            var features: [String] = []
            tokenizer.forEachFeature(in: input) { bytes, _ in features.append(String(decoding: bytes, as: UTF8.self)) }
            XCTAssertEqual(features, expected, input)
        }
    }

    func testKeepsNumbersEmailsAndEmojiWhole() {
        let tokens = tokenizer.tokenize("order #10023 costs $1,299.99, mail alice.chen@example.com 👍🏽👨‍👩‍👧!")
        XCTAssertEqual(tokens.map(\.text), [
            "order", "#", "10023", "costs", "$", "1,299.99", ",", "mail", "alice.chen@example.com",
            "👍🏽", "👨‍👩‍👧", "!",
        ])
        XCTAssertEqual(tokens.map(\.kind), [
            .word, .punctuation, .number, .word, .punctuation, .number, .punctuation, .word, .email,
            .emoji, .emoji, .punctuation,
        ])
    }

    func testEmailWrappedInPunctuationIsStillAnEmail() {
        let tokens = tokenizer.tokenize("(Bob@Example.ORG).")
        XCTAssertEqual(tokens.map(\.text), ["(", "bob@example.org", ")", "."])
        XCTAssertEqual(tokens[1].original, "Bob@Example.ORG")
    }

    func testNotAnEmailSplitsIntoWords() {
        XCTAssertEqual(texts("me@home"), ["me", "@", "home"])
    }

    func testShapeFeaturesMakeOrderNumbersAlike() {
        XCTAssertEqual(tokenizer.features("order 10023"), tokenizer.features("ORDER 99817"))
        XCTAssertEqual(tokenizer.features("write to a@b.co"), ["write", "to", "<email>"])
        XCTAssertNotEqual(tokenizer.features("order 12"), tokenizer.features("order 10023"))
    }

    func testControlCharactersAndEscapesSeparateTokens() {
        XCTAssertEqual(texts("hi \u{1B}[31mthere\u{7}\tyou"), ["hi", "there", "you"])
        XCTAssertEqual(texts("title\u{1B}]0;pwned\u{7} me"), ["title", "me"])
        var features: [String] = []
        tokenizer.forEachFeature(in: "order \u{1B}[2J10023") { bytes, _ in features.append(String(decoding: bytes, as: UTF8.self)) }
        XCTAssertEqual(features, ["order", "<num:5>"])
        XCTAssertEqual(texts("   \n\t "), [])
        XCTAssertEqual(texts(""), [])
    }

    /// The fast path reads eight bytes at a time (whether the text is plain ASCII, and folding capitals):
    /// random texts over the bytes either side of every boundary it tests (`@`, `A`, `Z`, `[`, `` ` ``, `a`,
    /// `z`, `{`, ESC, bytes over 0x7F), each byte at every position of an eight-byte word and of the tail,
    /// give the features `tokenize` gives.
    func testFastFeaturePathMatchesTokenizeOnRandomTexts() {
        let pieces = ["?", "@", "A", "Z", "[", "`", "a", "z", "{", "\u{1B}", "é", "'", "0", "9", ",", ".", " ", "M",
                      "q", "im", "dont", "x@y.co", "\u{7F}", "\t", "Ü"]
        var random = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let text = (0..<random.next(below: 24)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            var fast: [String] = []
            tokenizer.forEachFeature(in: text) { bytes, kind in
                fast.append("\(kind):" + String(decoding: bytes, as: UTF8.self))
            }
            let slow = tokenizer.tokenize(text).filter { $0.kind != .punctuation }.map { "\($0.kind):\($0.feature)" }
            XCTAssertEqual(fast, slow, text.debugDescription)
        }
    }

    func testKeepsOriginalSpelling() {
        let tokens = tokenizer.tokenize("Where's ÉCOLE")
        XCTAssertEqual(tokens.map(\.original), ["Where's", "Where's", "ÉCOLE"])
    }

    func testMegabyteLineTokenizesInLinearTime() {
        let line = String(repeating: "angry ", count: 200_000)
        XCTAssertEqual(tokenizer.tokenize(line).count, 200_000)
    }
}

final class TerminalTextTests: XCTestCase {
    func testRemovesEscapeSequencesAndControlCharacters() {
        let cases: [(String, String)] = [
            ("hi \u{1B}[31mred\u{1B}[0m", "hi red"),
            ("title\u{1B}]0;pwned\u{7}!", "title!"),
            ("osc\u{1B}]8;;http://x\u{1B}\\link", "osclink"),
            ("bell\u{7}\u{8}back", "bellback"),
            ("tab\there\nnew", "tab here new"),
            ("c1\u{9B}2Jclear", "c1clear"),
            ("plain café 👍", "plain café 👍"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(TerminalText.sanitized(input), expected, input.debugDescription)
        }
        XCTAssertTrue(TerminalText.needsSanitizing("a\u{1B}b"))
        XCTAssertFalse(TerminalText.needsSanitizing("plain"))
    }
}

final class CardNumberMaskerTests: XCTestCase {
    func testMasksLuhnValidCardNumbersKeepingTheLastFour() {
        let cases: [(String, String)] = [
            ("charged 4111111111111111 twice", "charged ************1111 twice"),
            ("card 4111 1111 1111 1111.", "card **** **** **** 1111."),
            ("card 5500-0000-0000-0004", "card ****-****-****-0004"),
            ("order 10023 card 4111 1111 1111 1111", "order 10023 card **** **** **** 1111"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CardNumberMasker.mask(input), expected, input)
        }
    }

    func testLeavesOtherNumbersAlone() {
        for text in ["order 10023", "4111111111111112 fails luhn", "tracking 1Z999AA10123456784", "123456789012"] {
            XCTAssertEqual(CardNumberMasker.mask(text), text)
        }
    }
}

final class EmailAddressTests: XCTestCase {
    func testAcceptsCommonAddressesAndRejectsNearMisses() {
        for valid in ["alice@example.com", "bob.smith+shop@mail.co.uk", "x_y@d-1.io"] {
            XCTAssertTrue(EmailAddress.isValid(valid), valid)
        }
        for invalid in ["alice@", "@example.com", "a@b", "a@@b.com", "a b@c.com", "a@b.c", ".a@b.com"] {
            XCTAssertFalse(EmailAddress.isValid(invalid), invalid)
        }
    }
}

final class MarkupTextTests: XCTestCase {
    func testEscapesMarkupAndShowsForbiddenCharacters() {
        XCTAssertEqual(MarkupText.escaped("<a href=\"x\">Tom's & co</a>"),
                       "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;")
        XCTAssertEqual(MarkupText.escaped("a\nb\u{1B}c"), "a&#10;b\\u{1B}c")
        XCTAssertEqual(MarkupText.escaped("a\nb", attribute: false), "a\nb")
    }
}
