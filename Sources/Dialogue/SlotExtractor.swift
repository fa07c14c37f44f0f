import TextKit

/// Reads the slots of SPEC §6 out of one customer turn: `order_id`, `email`, `category`, `product`,
/// `budget`, and the words that refer back to earlier turns.
///
/// It works on the tokenizer's folded tokens, so "Order No. 10023", "#10023" and "it's 10023" read
/// alike. A number is a budget when money words surround it ("under $50", "less than 100 dollars"),
/// an order number otherwise, when it is long enough to be one.
public struct SlotExtractor: Sendable {
    public let catalog: ProductCatalog
    private let tokenizer = Tokenizer()

    public init(catalog: ProductCatalog) {
        self.catalog = catalog
    }

    public func extract(from text: String) -> Slots {
        extract(from: tokenizer.tokenize(text), text: text)
    }

    /// The slots of an already tokenized text (the session tokenizes once per turn).
    public func extract(from tokens: [Token], text: String) -> Slots {
        var slots = Slots()
        let words = tokens.map(\.text)
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .email:
                if slots.email == nil { slots.email = token.text }
            case .number:
                if let budget = budget(at: index, in: tokens) {
                    if slots.budget == nil { slots.budget = budget }
                } else if slots.orderID == nil, isOrderNumber(at: index, in: tokens) {
                    slots.orderID = token.text
                }
            case .word, .emoji, .punctuation:
                break
            }
        }
        if slots.email == nil, text.utf8.contains(UInt8(ascii: "@")) {
            slots.malformedEmail = text.split(whereSeparator: \.isWhitespace).contains { word in
                word.contains("@") && word.count > 1
            }
        }
        let reading = catalog.read(tokens.lazy.filter { $0.kind == .word }.map(\.text))
        slots.category = reading.category ?? reading.product?.category
        slots.productSKU = reading.product?.sku
        slots.productKind = reading.productKind
        slots.references = references(in: words)
        return slots
    }

    // MARK: - Numbers

    /// The budget a number at `index` states, when money words surround it.
    private func budget(at index: Int, in tokens: [Token]) -> Double? {
        let token = tokens[index]
        guard let value = Double(token.text.replacingOccurrences(of: ",", with: "")) else { return nil }
        let before = index > 0 ? tokens[index - 1].text : ""
        let after = index + 1 < tokens.count ? tokens[index + 1].text : ""
        let hasCurrency = Self.currencySigns.contains(before) || Self.currencyWords.contains(after)
            || Self.currencySigns.contains(after)
        // Look back over a currency sign for a ceiling cue: "under $50", "less than 100", "max. 60".
        var cueEnd = index - 1
        while cueEnd >= 0, Self.currencySigns.contains(tokens[cueEnd].text) || tokens[cueEnd].text == "." {
            cueEnd -= 1
        }
        let hasCue = cueEnd >= 0 && Self.ceilingCue(endingAt: cueEnd, in: tokens)
        let trailingCue = after == "or" && index + 2 < tokens.count
            && ["less", "under", "below", "cheaper"].contains(tokens[index + 2].text)
        guard hasCurrency || hasCue || trailingCue else { return nil }
        // A bare long number after "under" is more likely an order than a budget.
        if !hasCurrency, token.text.count >= 5 { return nil }
        return value
    }

    /// True when the words ending at `end` set a ceiling: "under", "below", "less than", "up to", "max".
    private static func ceilingCue(endingAt end: Int, in tokens: [Token]) -> Bool {
        let last = tokens[end].text
        if ["under", "below", "max", "maximum", "within", "around", "about", "budget", "spend"].contains(last) {
            return true
        }
        guard end >= 1 else { return false }
        let previous = tokens[end - 1].text
        switch last {
        case "than": return ["less", "cheaper", "lower"].contains(previous)
        case "to": return previous == "up"
        case "most": return previous == "at"
        case "of", "is": return previous == "budget"
        default: return false
        }
    }

    /// True when the number at `index` reads as an order number: digits only, and either long enough
    /// (four or more) or announced ("order 123", "#123", "no. 123").
    private func isOrderNumber(at index: Int, in tokens: [Token]) -> Bool {
        let text = tokens[index].text
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), (3...12).contains(text.count) else { return false }
        // Prices and quantities: "$120", "120 dollars", "2 pairs".
        let after = index + 1 < tokens.count ? tokens[index + 1].text : ""
        if Self.currencyWords.contains(after) { return false }
        if index > 0, Self.currencySigns.contains(tokens[index - 1].text) { return false }
        if text.count >= 4 { return true }
        var cursor = index - 1
        while cursor >= 0, ["#", ".", ":", "is", "number", "no", "num", "nr"].contains(tokens[cursor].text) {
            if ["#", "number", "no", "num", "nr"].contains(tokens[cursor].text) { return true }
            cursor -= 1
        }
        return cursor >= 0 && tokens[cursor].text == "order"
    }

    private static let currencySigns: Set<String> = ["$", "€", "£", "usd", "eur", "gbp"]
    private static let currencyWords: Set<String> = [
        "dollars", "dollar", "bucks", "buck", "usd", "euros", "euro", "eur", "pounds", "quid", "$",
    ]

    // MARK: - References back

    private func references(in words: [String]) -> Set<ContextReference> {
        var found: Set<ContextReference> = []
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let previous = index > 0 ? words[index - 1] : ""
            switch word {
            case "other", "another", "second", "previous", "older", "earlier":
                if ["order", "one", "purchase", "package", "parcel", "delivery"].contains(next) {
                    found.insert(.otherOrder)
                }
            case "cheaper", "cheap", "inexpensive", "affordable", "budget":
                if word != "budget" || found.isEmpty { found.insert(.cheaper) }
            case "expensive", "pricey", "costly":
                if ["too", "less", "so", "bit", "very"].contains(previous) { found.insert(.cheaper) }
            case "lower":
                if ["price", "priced", "prices"].contains(next) { found.insert(.cheaper) }
            case "similar", "alike", "comparable":
                found.insert(.similar)
            case "like":
                if ["that", "this", "those", "these", "it", "them"].contains(next),
                   ["something", "anything", "more", "things", "stuff", "one", "else"].contains(previous) {
                    found.insert(.similar)
                }
            default:
                break
            }
        }
        // "budget" as a cue ("my budget is 50") is not a request for something cheaper.
        if words.contains("budget") && !words.contains("cheaper") && !words.contains("cheap") {
            found.remove(.cheaper)
        }
        return found
    }
}
