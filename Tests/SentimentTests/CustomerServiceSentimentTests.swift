import XCTest
import Sentiment

/// Customer turns as customers type them, with the label a person reading them would give.
final class CustomerServiceSentimentTests: XCTestCase {
    private let cases: [(text: String, label: SentimentLabel)] = [
        // Negative: the complaints the agent must notice.
        ("where is my order?? its been 3 weeks", .negative),
        ("still waiting for my refund", .negative),
        ("my package never arrived", .negative),
        ("this is the third time im contacting you", .negative),
        ("I call and no one answers", .negative),
        ("worst service ever", .negative),
        ("thanks for nothing", .negative),
        ("The shoes fell apart after two days", .negative),
        ("i want my money back", .negative),
        ("the app keeps crashing and nobody helps", .negative),
        ("your delivery guy was rude", .negative),
        ("Item arrived damaged and the box was soaked", .negative),
        ("I'm so frustrated with this company", .negative),
        ("This is RIDICULOUS!!!", .negative),
        ("totally useless customer support", .negative),
        ("you sent me the wrong size again", .negative),
        ("not happy at all", .negative),
        ("it doesnt work", .negative),
        ("I've been on hold for an hour", .negative),
        ("the jacket looks nice but the zipper broke on day one", .negative),
        ("honestly disappointed, expected better", .negative),
        ("cancel my order, this is taking forever", .negative),
        ("what a joke 😡", .negative),
        ("nobody answered my emails, fed up", .negative),
        ("ugh, late AGAIN", .negative),
        ("terrible quality, would not recommend", .negative),
        ("charged twice and no refund yet :(", .negative),
        // Positive: thanks and praise.
        ("thank you so much!", .positive),
        ("great service, thanks :)", .positive),
        ("the shoes are perfect, love them", .positive),
        ("wow that was fast, arrived a day early", .positive),
        ("you guys are awesome 👍", .positive),
        ("Perfect, that solved my problem", .positive),
        ("super helpful, much appreciated", .positive),
        ("not bad at all, happy with it", .positive),
        ("it was late but the support team was excellent", .positive),
        ("thx, really appreciate the quick reply", .positive),
        ("love it!!!", .positive),
        // Neutral: plain requests with no feeling in them.
        ("where is my order 10023", .neutral),
        ("what is the status of order 10023", .neutral),
        ("my email is alice@example.com", .neutral),
        ("show me running shoes under 100", .neutral),
        ("order number 99817", .neutral),
        ("", .neutral),
    ]

    func testCustomerTurnsGetTheExpectedLabel() {
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        var wrong: [String] = []
        for (text, label) in cases {
            let score = SentimentScorer.standard.score(text)
            if score.label != label {
                wrong.append("\(text.debugDescription): expected \(label), got \(score.label) (\(score.compound))")
            }
        }
        XCTAssertTrue(wrong.isEmpty, "\n" + wrong.joined(separator: "\n"))
    }

    func testAngrierComplaintsScoreLower() {
        let scorer = SentimentScorer.standard
        XCTAssertLessThan(scorer.score("my order is late").compound, 0)
        XCTAssertLessThan(scorer.score("WORST SERVICE EVER!!! third time asking, still waiting").compound,
                          scorer.score("my order is late").compound)
    }
}
