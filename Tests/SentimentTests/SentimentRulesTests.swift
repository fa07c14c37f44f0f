import XCTest
@testable import Sentiment

/// Each rule on its own, on a small hand-made lexicon so that no learned value blurs what is tested.
final class SentimentRulesTests: XCTestCase {
    private let scorer = SentimentScorer(lexicon: SentimentLexicon([
        "good": 2, "bad": -2, "great": 3, "terrible": -3, "like": 1.5, "slow": -1,
        "never arrived": -2.5, "still waiting": -2, "thanks for nothing": -3, "thanks": 1.5, "haha": 1, "lol": 1,
        ":)": 2, ":(": -2, "😡": -3, "👍": 2,
    ]))

    private func compound(_ text: String) -> Double { scorer.score(text).compound }

    func testLexiconWordsGiveTheirSign() {
        XCTAssertGreaterThan(compound("this is good"), 0)
        XCTAssertLessThan(compound("this is bad"), 0)
        XCTAssertEqual(compound("where is my order"), 0)
    }

    func testNegationFlipsPolarity() {
        for text in ["not good", "this is not good", "never good", "it isn't good", "it isnt good",
                     "I don't like it", "I dont like it", "it is hardly good", "no good", "without good service"] {
            XCTAssertLessThan(compound(text), 0, text)
        }
        XCTAssertGreaterThan(compound("not bad"), 0)
        XCTAssertGreaterThan(compound("the service was not terrible"), 0)
    }

    func testANegatorWithAValenceOfItsOwnStillNegates() {
        let scorer = SentimentScorer(lexicon: SentimentLexicon(["no": -0.5, "good": 2, "bad": -2]))
        XCTAssertLessThan(scorer.score("no electricity").compound, 0, "'no' alone counts its own valence")
        XCTAssertLessThan(scorer.score("no good").compound, scorer.score("no electricity").compound)
        XCTAssertEqual(scorer.score("no good").contributions.map(\.token), ["no", "good"])
        XCTAssertEqual(scorer.score("no good").contributions[1].weight, 2 * SentimentRules.negation, accuracy: 1e-9)
    }

    func testAWordPairAddsToItsWordsWeighedLikeTheSecond() {
        let scorer = SentimentScorer(lexicon: SentimentLexicon(["least": -1, "at+least": 1.5, "good": 2, "so+good": 0.5]))
        // "at least": the pair's 1.5 on top of "least"'s -1.
        XCTAssertEqual(scorer.score("at least").contributions.map(\.token), ["least", "at+least"])
        XCTAssertGreaterThan(scorer.score("at least it came").compound, 0)
        XCTAssertLessThan(scorer.score("least").compound, 0)
        // Weighed like its second word: negation reaches the pair too ("not so good").
        let negated = scorer.score("not so good").contributions
        XCTAssertEqual(negated.map(\.token), ["good", "so+good"])
        XCTAssertEqual(negated[1].weight / negated[0].weight, 0.5 / 2, accuracy: 1e-9)
        // Only adjacent words of one clause: a comma or a word between breaks the pair.
        XCTAssertEqual(scorer.score("at, least").contributions.map(\.token), ["least"])
        XCTAssertEqual(scorer.score("at the least").contributions.map(\.token), ["least"])
    }

    func testHashtagsSplitIntoKnownAndFunctionWords() {
        let scorer = SentimentScorer(lexicon: SentimentLexicon([
            "sad": -2, "face": 0, "doomed": -3, "good": 2, "worst": -3, "day": 0, "ever": 0, "love": 3, "goodness": 1,
        ]))
        let cases: [(text: String, tokens: [String])] = [
            ("#sadface", ["sad"]),                       // two known words, as before
            ("#wearedoomed", ["doomed"]),                // we + are + doomed
            ("#worstdayever", ["worst"]),                // worst + day + ever
            ("#iloveit", ["love"]),                      // one-letter function word first
            ("#goodness", ["goodness"]),                 // known as a whole: not split
            ("#ithe", []),                               // function words only: left whole
            ("#gooddays", []),                           // "days" is unknown: no split
        ]
        for (text, tokens) in cases {
            XCTAssertEqual(scorer.score(text).contributions.map(\.token), tokens, text)
        }
        // A negator inside a hashtag negates the word after it, as in running text.
        for text in ["#notgood", "#nevergood", "#itsnotgood"] {
            let contributions = scorer.score(text).contributions
            XCTAssertEqual(contributions.map(\.token), ["good"], text)
            XCTAssertEqual(contributions.first?.weight ?? 0, 2 * SentimentRules.negation, accuracy: 1e-9, text)
        }
        XCTAssertEqual(scorer.score("#notgood").compound, scorer.score("not good").compound, accuracy: 1e-12)
    }

    func testNegationIsDampedNotMirrored() {
        XCTAssertLessThan(abs(compound("not good")), abs(compound("good")))
    }

    func testNegationReachesThreeWordsWithinItsClause() {
        XCTAssertLessThan(compound("not at all good"), 0)
        XCTAssertGreaterThan(compound("not the one that is good"), 0, "four words away: out of reach")
        XCTAssertGreaterThan(compound("not really, good"), 0, "a comma ends the clause")
    }

    func testPhrasesAreNotNegatedFromWithin() {
        XCTAssertLessThan(compound("my parcel never arrived"), 0)
        XCTAssertEqual(scorer.score("my parcel never arrived").contributions.map(\.token), ["never arrived"])
        XCTAssertLessThan(compound("thanks for nothing"), 0)
        XCTAssertLessThan(compound("I am still waiting"), 0)
    }

    func testButShiftsWeightToTheSecondClause() {
        XCTAssertLessThan(compound("good but bad"), 0)
        XCTAssertGreaterThan(compound("bad but good"), 0)
        XCTAssertGreaterThan(compound("the box was bad, however the shoes are good"), 0)
        XCTAssertGreaterThan(compound("it was slow but good"), 0)
        // Contrast is per sentence: a "but" in the next sentence leaves this one alone.
        XCTAssertEqual(scorer.score("good. bad but bad").contributions.first?.weight ?? 0, 2, accuracy: 1e-12)
        let before = scorer.score("good but bad").contributions
        XCTAssertEqual(before.map(\.token), ["good", "bad"])
        XCTAssertLessThan(abs(before[0].weight), 2)
        XCTAssertGreaterThan(abs(before[1].weight), 2)
    }

    func testAlthoughDampsTheConcededClause() {
        XCTAssertGreaterThan(compound("although it was bad, it is good now"), 0)
        XCTAssertLessThan(compound("although the staff were good, the delivery was bad"), 0)
    }

    func testCapsRaiseMagnitude() {
        XCTAssertGreaterThan(compound("this is GOOD"), compound("this is good"))
        XCTAssertLessThan(compound("this is BAD"), compound("this is bad"))
        XCTAssertEqual(compound("THIS IS GOOD"), compound("this is good"), accuracy: 1e-12,
                       "all-caps text has no emphasis to give")
    }

    func testExclamationMarksRaiseMagnitudeUpToFour() {
        XCTAssertGreaterThan(compound("good!"), compound("good"))
        XCTAssertGreaterThan(compound("good!!!"), compound("good!"))
        XCTAssertLessThan(compound("bad!!!"), compound("bad"))
        XCTAssertEqual(compound("good!!!!!!!!"), compound("good!!!!"), accuracy: 1e-12)
        XCTAssertEqual(compound("!!!"), 0)
    }

    func testRepeatedQuestionMarksRaiseMagnitude() {
        XCTAssertLessThan(compound("why is it so slow???"), compound("why is it so slow"))
    }

    func testALoneQuestionMarkDampsItsSentence() {
        XCTAssertGreaterThan(compound("is it slow?"), compound("it is slow"), "a question wonders more than it states")
        XCTAssertLessThan(compound("is it slow?"), 0)
        XCTAssertEqual(compound("it is slow. is it?"), compound("it is slow"), accuracy: 1e-12,
                       "only the asking sentence is damped")
    }

    func testAnExclamationStressesItsOwnSentence() {
        XCTAssertGreaterThan(compound("it was good. the staff were great!"), compound("it was good! the staff were great."))
    }

    func testIntensifiersAndDampeners() {
        XCTAssertGreaterThan(compound("very good"), compound("good"))
        XCTAssertGreaterThan(compound("extremely good"), compound("very good"))
        XCTAssertLessThan(compound("slightly good"), compound("good"))
        XCTAssertLessThan(compound("kind of good"), compound("good"))
        XCTAssertGreaterThan(compound("kind of good"), 0)
        XCTAssertLessThan(compound("really bad"), compound("bad"))
    }

    func testTheWordsOfADampenerCarryNoValenceOfTheirOwn() {
        let scorer = SentimentScorer(lexicon: SentimentLexicon(["kind": 2, "little": -1, "annoyed": -2]))
        func compound(_ text: String) -> Double { scorer.score(text).compound }
        XCTAssertLessThan(compound("kind of annoyed"), 0, "\"kind\" in \"kind of\" is not kindness")
        XCTAssertGreaterThan(compound("kind of annoyed"), compound("annoyed"))
        XCTAssertEqual(compound("a little annoyed"), compound("kind of annoyed"), accuracy: 1e-12)
        XCTAssertGreaterThan(compound("you are kind"), 0)
    }

    func testElongatedWordsAreFoundAndEmphasised() {
        XCTAssertGreaterThan(compound("goood"), compound("good"))
        XCTAssertGreaterThan(compound("sooo good"), compound("good"))
        XCTAssertLessThan(compound("baaaaad"), compound("bad"))
    }

    func testLaughterOfAnyLengthReadsAsOneLaugh() {
        for text in ["hahaha", "ahahahah", "hehehe", "HAHAHA", "lolol", "loool"] {
            XCTAssertGreaterThan(compound(text), 0, text)
        }
        XCTAssertEqual(SentimentScanner.laughter("hahahaha"), "haha")
        XCTAssertEqual(SentimentScanner.laughter("lolololol"), "lol")
        for word in ["hah", "hhhh", "ahha", "heh", "hello", "aha", "loll", "lola", "holo"] {
            XCTAssertNil(SentimentScanner.laughter(word), word)
        }
    }

    func testInterjectionsAreNotNegated() {
        XCTAssertGreaterThan(compound("no way lol"), 0)
        XCTAssertGreaterThan(compound("not me hahaha"), 0)
        XCTAssertLessThan(compound("not good lol"), compound("lol"))
    }

    func testEmoticonsAndEmojiCount() {
        XCTAssertGreaterThan(compound("ok :)"), 0)
        XCTAssertGreaterThan(compound("thanks :-)."), compound("thanks"))
        XCTAssertLessThan(compound("ok :("), 0)
        XCTAssertLessThan(compound("my order 😡"), 0)
        XCTAssertLessThan(compound("great 😡😡"), compound("great"))
        XCTAssertGreaterThan(compound("ok ^.^"), 0)
        XCTAssertLessThan(compound("late again :(("), 0)
        XCTAssertLessThan(compound("ok >.<"), 0)
        XCTAssertGreaterThan(compound("👍"), 0)
        XCTAssertGreaterThan(compound("👍🏽"), 0, "skin tones do not hide the emoji")
        XCTAssertEqual(compound("http://example.com/a:/b"), 0, "no emoticon inside a URL")
    }

    func testCompoundStaysInRange() {
        let shouting = String(repeating: "TERRIBLE terrible bad 😡 ", count: 200) + "!!!!!!"
        let score = compound(shouting)
        XCTAssertGreaterThanOrEqual(score, -1)
        XCTAssertLessThan(score, -0.99)
        XCTAssertLessThanOrEqual(compound(String(repeating: "great ", count: 500)), 1)
    }

    func testContributionsExplainTheScore() {
        let score = scorer.score("the shoes are GREAT but delivery was slow")
        XCTAssertEqual(score.contributions.map(\.token), ["great", "slow"])
        let raw = score.contributions.reduce(0) { $0 + $1.weight }
        XCTAssertEqual(score.compound, raw / (raw * raw + SentimentRules.alpha).squareRoot(), accuracy: 1e-12)
    }
}
