@testable import Dialogue
import XCTest

final class SlotExtractorTests: XCTestCase {
    private let extractor = SlotExtractor(catalog: TestShop.catalog)

    func testFindsOrderNumbersInAnyWording() {
        let cases: [(String, String?)] = [
            ("#10023", "10023"),
            ("order #10023", "10023"),
            ("order no. 10023", "10023"),
            ("Order No 10023 please", "10023"),
            ("it's 10023", "10023"),
            ("its 10023", "10023"),
            ("10023", "10023"),
            ("where is my order 10023??", "10023"),
            ("order number: 10023", "10023"),
            ("ORDER#10023", "10023"),
            ("my order is 555", "555"),
            ("the number is 10023 I think", "10023"),
            ("where's my stuff, ordered it 3 weeks ago", nil),
            ("I want 2 pairs", nil),
            ("something under $100", nil),
            ("less than 250 dollars", nil),
            ("where is my order", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).orderID, expected, text)
        }
    }

    func testFindsEmailsWholeAndFoldsThem() {
        let cases: [(String, String?)] = [
            ("alice@example.com", "alice@example.com"),
            ("my email is Alice@Example.COM", "alice@example.com"),
            ("it's (bob.martinez@example.com).", "bob.martinez@example.com"),
            ("order 10023, email alice@example.com", "alice@example.com"),
            ("no email here", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).email, expected, text)
        }
    }

    func testNoticesAnAddressThatIsNotAnEmail() {
        XCTAssertTrue(extractor.extract(from: "alice@example").malformedEmail)
        XCTAssertTrue(extractor.extract(from: "it's alice@").malformedEmail)
        XCTAssertFalse(extractor.extract(from: "alice@example.com").malformedEmail)
        XCTAssertFalse(extractor.extract(from: "meet @ noon").malformedEmail)
    }

    func testFindsCategoriesWithPluralsSynonymsAndTypos() {
        let cases: [(String, String?)] = [
            ("can you recommend some shoes", "shoes"),
            ("I need a shoe", "shoes"),
            ("any good sneakers?", "shoes"),
            ("looking for trainers", "shoes"),
            ("recommend some sheos", "shoes"),
            ("what electronics do you have", "electronics"),
            ("headphones under 300", "electronics"),
            ("something for the kitchen", "kitchen"),
            ("kitchn stuff", "kitchen"),
            ("outdoor gear", "outdoors"),
            ("camping stuff", "outdoors"),
            ("skincare please", "beauty"),
            ("clothes for running", "apparel"),
            ("something nice", nil),
            ("where is my order", nil),
            ("recommend something", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).category, expected, text)
        }
    }

    func testFindsProductNamesForgivingTypos() {
        let cases: [(String, String?)] = [
            ("do you have the trail running shoes", "P-100"),
            ("something like the trial running shoes", "P-100"),
            ("is the rain jacket waterproof", "P-114"),
            ("wireless earbuds", "P-135"),
            ("a cast iron skillet", "P-161"),
            ("noise cancelling headphones", "P-136"),
            ("running", nil),
            ("shoes", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).productSKU, expected, text)
        }
        XCTAssertEqual(extractor.extract(from: "the rain jacket").category, "apparel")
    }

    func testGrammarAndLookAlikeWordsNameNoProduct() {
        let catalog = ProductCatalog(TestShop.items + [
            .init(sku: "P-170", name: "Galvanized Watering Can", category: "garden", price: 39.00),
            .init(sku: "P-180", name: "Feather Wand Cat Toy", category: "pets", price: 9.99),
        ])
        let extractor = SlotExtractor(catalog: catalog)
        let question = extractor.extract(from: "can you recommend something for the kitchen")
        XCTAssertEqual(question.category, "kitchen")
        XCTAssertNil(question.productKind)
        XCTAssertNil(extractor.extract(from: "what is the weather like").category)
        XCTAssertNil(extractor.extract(from: "i love it").category)
        // The same words still work as names, and a typo that keeps the first letter is still read.
        XCTAssertEqual(extractor.extract(from: "a feather toy for my cat").category, "pets")
        XCTAssertEqual(extractor.extract(from: "a fether toy").category, "pets")
        XCTAssertEqual(extractor.extract(from: "my watering can leaks").productSKU, "P-170")
    }

    func testReadsBudgets() {
        let cases: [(String, Double?)] = [
            ("under $50", 50),
            ("something under 50 dollars", 50),
            ("less than 100 dollars", 100),
            ("below 80 bucks", 80),
            ("shoes under $49.99", 49.99),
            ("max $60", 60),
            ("up to 75", 75),
            ("my budget is 120", 120),
            ("no more than 40", nil),
            ("cheaper than $30", 30),
            ("$45 or less", 45),
            ("around 200 usd", 200),
            ("headphones for 150 euros", 150),
            ("where is order 10023", nil),
            ("I bought 2 pairs", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).budget, expected, text)
        }
    }

    func testNoticesReferencesBack() {
        let cases: [(String, Set<ContextReference>)] = [
            ("what about my other order?", [.otherOrder]),
            ("and the other one?", [.otherOrder]),
            ("I have another order too", [.otherOrder]),
            ("something cheaper", [.cheaper]),
            ("that's too expensive", [.cheaper]),
            ("anything at a lower price?", [.cheaper]),
            ("recommend something similar", [.similar]),
            ("more like that please", [.similar]),
            ("something like this but cheaper", [.similar, .cheaper]),
            ("my budget is 50", []),
            ("I like it", []),
            ("where is my order", []),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.extract(from: text).references, expected, text)
        }
    }

    func testEmptyAndHostileTextGivesNoSlots() {
        XCTAssertTrue(extractor.extract(from: "").isEmpty)
        XCTAssertTrue(extractor.extract(from: "\u{1B}[31m\u{07}").isEmpty)
        let long = String(repeating: "order ", count: 10_000)
        XCTAssertNil(extractor.extract(from: long).orderID)
    }

    func testEditDistanceCountsTranspositionsAsOneEdit() {
        XCTAssertEqual(ProductCatalog.editDistance("shoes", "sheos", limit: 3), 1)
        XCTAssertEqual(ProductCatalog.editDistance("kitchen", "kitchn", limit: 3), 1)
        XCTAssertEqual(ProductCatalog.editDistance("abc", "xyz", limit: 1), 2)
        XCTAssertEqual(ProductCatalog.singular("accessories"), "accessory")
        XCTAssertEqual(ProductCatalog.singular("boxes"), "box")
        XCTAssertEqual(ProductCatalog.singular("shoes"), "shoe")
        XCTAssertEqual(ProductCatalog.singular("glass"), "glass")
    }
}
