import XCTest
@testable import Sentiment

final class SentimentScorerTests: XCTestCase {
    private let scorer = SentimentScorer.standard

    func testTheBundledLexiconLoads() throws {
        let lexicon = try SentimentLexicon.bundled()
        XCTAssertGreaterThan(lexicon.count, 1_000)
        XCTAssertLessThan(lexicon["still waiting"], 0)
        XCTAssertLessThan(lexicon["worst service ever"], 0)
        XCTAssertGreaterThan(lexicon["excellent"], 0)
        XCTAssertLessThan(lexicon["no"], 0, "learned: 'no electricity', 'still no reply'")
        XCTAssertEqual(scorer.lexicon.count, lexicon.count)
    }

    func testLabelsFollowTheNeutralBand() {
        XCTAssertEqual(SentimentLabel(compound: 0), .neutral)
        XCTAssertEqual(SentimentLabel(compound: 0.05), .neutral)
        XCTAssertEqual(SentimentLabel(compound: -0.05), .neutral)
        XCTAssertEqual(SentimentLabel(compound: 0.0501), .positive)
        XCTAssertEqual(SentimentLabel(compound: -0.0501), .negative)
    }

    func testEmptyAndOddInputIsNeutralAndDoesNotCrash() {
        for text in ["", "   ", "\t\n", "12345", "?!", "\u{FFFD}\u{FFFD}", "\u{1B}[31m", "\u{0}"] {
            let score = scorer.score(text)
            XCTAssertEqual(score.compound, 0, text.debugDescription)
            XCTAssertEqual(score.label, .neutral)
        }
        let invalid = String(decoding: [0xFF, 0xFE, 0x67, 0x72, 0x65, 0x61, 0x74], as: UTF8.self)
        XCTAssertGreaterThan(scorer.score(invalid).compound, 0)
        let long = String(repeating: "the parcel is late and I am still waiting ", count: 25_000)
        XCTAssertLessThan(scorer.score(long).compound, 0)
    }

    func testScoringIsDeterministic() {
        let text = "Third time I ask: where is my refund?? Terrible!!!"
        XCTAssertEqual(scorer.score(text), scorer.score(text))
        XCTAssertEqual(scorer.compound(text), scorer.score(text).compound)
    }

    func testAccentsAndTypographicApostrophesFold() {
        XCTAssertLessThan(scorer.score("it doesn’t work").compound, 0)
        XCTAssertEqual(scorer.score("Très bien").compound, scorer.score("tres bien").compound)
    }

    func testLexiconErrorsNameFileAndLine() {
        XCTAssertThrowsError(try SentimentLexicon(parsing: "# header\ngood\t2\nbad -2\n", path: "lex.tsv")) { error in
            XCTAssertEqual(String(describing: error), "lex.tsv:3: error: expected 'entry<TAB>valence', got 'bad -2'")
        }
        XCTAssertThrowsError(try SentimentLexicon(parsing: "good\tgreat\n", path: "x.tsv")) { error in
            XCTAssertEqual(error as? SentimentError, .malformedLexiconLine(path: "x.tsv", line: 1, text: "good\tgreat"))
        }
        XCTAssertEqual(try SentimentLexicon(parsing: "good\t2\r\n\nstill waiting\t-1.5\n", path: "ok.tsv").count, 2)
        // CRLF line ends, no final newline, comments, and a tab inside the entry (the last tab splits).
        let parsed = try? SentimentLexicon(parsing: "# c\r\ngood\t2\r\nno\tway\t-1.5\r\nmeh\t-0.25", path: "crlf.tsv")
        XCTAssertEqual(parsed?.valences, ["good": 2, "no\tway": -1.5, "meh": -0.25])
        XCTAssertThrowsError(try SentimentLexicon(parsing: "ok\t1\n\n# c\nnan\tnan\n", path: "n.tsv")) { error in
            XCTAssertEqual(error as? SentimentError, .malformedLexiconLine(path: "n.tsv", line: 4, text: "nan\tnan"))
        }
    }

    func testLexiconByteOrderMarkIsNotPartOfTheFirstLine() throws {
        // As in intents files and transcripts: a header comment stays a comment, a first entry keeps its name.
        XCTAssertEqual(try SentimentLexicon(parsing: "\u{FEFF}# header\ngood\t2\n", path: "bom.tsv").valences, ["good": 2])
        XCTAssertEqual(try SentimentLexicon(parsing: "\u{FEFF}good\t2\r\n", path: "bom.tsv").valences, ["good": 2])
        let data = Data([0xEF, 0xBB, 0xBF] + Array("good\t2\n".utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString).tsv")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try SentimentLexicon(contentsOf: url).valences, ["good": 2])
    }

    func testTypographicApostrophesReadAsTheTypewriterOne() {
        let plain = scorer.score("I don't like it, it isn't good").compound
        XCTAssertLessThan(plain, 0)
        for apostrophe in ["\u{2019}", "\u{2018}", "\u{02BC}"] {
            let text = "I don\(apostrophe)t like it, it isn\(apostrophe)t good"
            XCTAssertEqual(scorer.score(text).compound, plain, accuracy: 1e-12, text)
        }
    }

    func testWordPairEntriesSplitAtTheirOnePlus() {
        XCTAssertTrue(SentimentLexicon.pairWords("at+least")! == ("at", "least"))
        XCTAssertTrue(SentimentLexicon.pairWords("can+not")! == ("can", "not"))
        XCTAssertNil(SentimentLexicon.pairWords("+1"))
        XCTAssertNil(SentimentLexicon.pairWords("a+"))
        XCTAssertNil(SentimentLexicon.pairWords("a+b+c"))
        XCTAssertNil(SentimentLexicon.pairWords("still waiting"))
    }

    func testOutputLines() {
        XCTAssertEqual(scorer.score("").tabSeparatedLine, "0.0000\tneutral")
        XCTAssertEqual(SentimentScore(compound: -0.123456, contributions: []).tabSeparatedLine, "-0.1235\tnegative")
        XCTAssertEqual(SentimentScore(compound: 1, contributions: []).tabSeparatedLine, "1.0000\tpositive")
        XCTAssertEqual(SentimentScore(compound: -0.00001, contributions: []).tabSeparatedLine, "0.0000\tneutral")
        let json = SentimentScore(compound: 0.5, contributions: [SentimentContribution(token: "a\"b", weight: 1.25)]).jsonLine
        XCTAssertEqual(json, #"{"score": 0.5000, "label": "positive", "contributions": [{"token": "a\"b", "weight": 1.2500}]}"#)
    }

    func testBenchmarkCountsWhatItScored() {
        let result = SentimentBenchmark.measure(scorer, texts: SentimentBenchmark.sampleTexts, rounds: 3)
        XCTAssertEqual(result.sentences, SentimentBenchmark.sampleTexts.count * 3)
        XCTAssertGreaterThan(result.seconds, 0)
    }
}

extension SentimentScorerTests {
    /// A megabyte of rule words must not make scoring quadratic (it once scanned a list per word).
    func testAMegabyteOfRuleWordsScoresInOnePass() {
        let text = String(repeating: "although not very but however good, ", count: 30_000)
        XCTAssertGreaterThan(text.utf8.count, 1_000_000)
        let score = SentimentScorer.standard.score(text)
        XCTAssertTrue((-1...1).contains(score.compound))
    }
}
