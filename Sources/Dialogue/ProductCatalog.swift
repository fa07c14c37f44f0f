import TextKit

/// The products a customer can name, indexed for forgiving lookup.
///
/// Customers write categories and products the way they think of them: plurals ("shoes" and "shoe"),
/// synonyms ("sneakers"), small typos ("sheos"). The catalog folds every word, strips plural endings,
/// and accepts a word within a small edit distance of a known one (one edit for words of five letters or
/// more, two for nine or more) so that short words never match by accident.
public struct ProductCatalog: Sendable {
    /// One product as the dialogue needs it.
    public struct Item: Sendable, Equatable {
        public var sku: String
        public var name: String
        public var category: String
        public var price: Double

        public init(sku: String, name: String, category: String, price: Double) {
            self.sku = sku
            self.name = name
            self.category = category
            self.price = price
        }
    }

    public let items: [Item]
    /// Folded, singular word -> catalog category.
    private let categoryWords: [String: String]
    /// Each product's significant words (folded, singular), with its index in `items`.
    private let productWords: [(words: [String], index: Int)]

    /// Category words learned from product names: matched with typos only when six letters or longer,
    /// so that "loves" is not read as "gloves".
    private let learnedWords: Set<String>
    /// Folded, singular words that end a product's name ("shoe", "watch", "backpack"): a customer who
    /// says "my watch" names a kind of product.
    private let productKinds: Set<String>

    public init(_ items: [Item]) {
        self.items = items
        let productWords = items.indices.map { index in
            let significant = Tokenizer().tokenize(items[index].name)
                .filter { $0.kind == .word && $0.text.count >= 3 && !Self.stopWords.contains($0.text) }
                .map { Self.singular($0.text) }
            return (words: significant, index: index)
        }
        var words: [String: String] = [:]
        func learn(_ word: String, _ category: String) {
            if words[word] == nil { words[word] = category }
        }
        let categories = Set(items.map(\.category))
        for category in categories.sorted() {
            let folded = Tokenizer.fold(category)
            words[Self.singular(folded)] = category
            for part in folded.split(whereSeparator: { !$0.isLetter }) where part.count >= 3 {
                learn(Self.singular(String(part)), category)
            }
            for synonym in Self.synonyms[Self.singular(folded), default: []] {
                learn(synonym, category)
            }
        }
        // The catalog teaches the rest: a word that appears in product names mostly of one category
        // ("watch", "backpack", "yoga") stands for that category; "running" (as many shoes as apparel)
        // does not.
        var counts: [String: [String: Int]] = [:]
        for (nameWords, index) in productWords {
            for word in Set(nameWords) { counts[word, default: [:]][items[index].category, default: 0] += 1 }
        }
        var learned: Set<String> = []
        for (word, byCategory) in counts.sorted(by: { $0.key < $1.key }) {
            let ranked = byCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let top = ranked.first, ranked.count == 1 || top.value > ranked[1].value, words[word] == nil
            else { continue }
            words[word] = top.key
            learned.insert(word)
        }
        learnedWords = learned
        categoryWords = words
        self.productWords = productWords
        productKinds = Set(productWords.compactMap(\.words.last))
    }

    /// The kind of product a folded word names ("headphones" -> "headphone"), forgiving small typos.
    func productKind(forWord word: String) -> String? {
        let singular = Self.singular(word)
        if productKinds.contains(singular) { return singular }
        guard word.count >= 6, !Self.neverFuzzy.contains(singular) else { return nil }
        return productKinds.sorted().first { Self.isClose(singular, $0) }
    }

    /// The empty catalog: no categories or products are recognised.
    public static let empty = ProductCatalog([])

    /// The item with this SKU.
    public func item(sku: String) -> Item? {
        items.first { $0.sku == sku }
    }

    /// The category that a folded word stands for, forgiving plurals, synonyms and small typos.
    func category(forWord word: String) -> String? {
        let singular = Self.singular(word)
        if let exact = categoryWords[singular] { return exact }
        guard word.count >= 5, !Self.neverFuzzy.contains(singular) else { return nil }
        var best: (distance: Int, category: String)?
        let limit = Self.allowedEdits(word)
        for (known, category) in categoryWords where abs(known.count - singular.count) <= 2 {
            if word.count < 6, learnedWords.contains(known) { continue }
            // "sheos" is a typo of the plural: compare the word as typed with both forms.
            let distance = min(
                Self.editDistance(known, singular, limit: limit), Self.editDistance(known + "s", word, limit: limit))
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (distance, category)
            }
        }
        return best?.category
    }

    /// The product whose name the words mention best: all of its significant words when it has one or
    /// two, all but one when it has more. Ties go to the product with more matched words.
    func product(mentionedIn words: [String]) -> Item? {
        let singulars = words.map(Self.singular)
        // The best product is the one whose name is most completely mentioned, then the longer name.
        var best: (share: Double, matched: Int, index: Int)?
        for (nameWords, index) in productWords where !nameWords.isEmpty {
            let matched = nameWords.filter { nameWord in
                singulars.contains { Self.isClose($0, nameWord) }
            }.count
            let needed = nameWords.count <= 2 ? nameWords.count : nameWords.count - 1
            guard matched >= needed, matched >= 2 || nameWords.count == 1 else { continue }
            let share = Double(matched) / Double(nameWords.count)
            if let current = best, (current.share, current.matched) >= (share, matched) { continue }
            best = (share, matched, index)
        }
        return best.map { items[$0.index] }
    }

    private static func isClose(_ word: String, _ known: String) -> Bool {
        if word == known { return true }
        guard word.count >= 5, !neverFuzzy.contains(word), abs(word.count - known.count) <= 2 else { return false }
        return editDistance(word, known, limit: allowedEdits(word)) <= allowedEdits(word)
    }

    private static func allowedEdits(_ word: String) -> Int {
        word.count >= 9 ? 2 : 1
    }

    /// "shoes" -> "shoe", "accessories" -> "accessory", "boxes" -> "box"; short words stay as they are.
    static func singular(_ word: String) -> String {
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// Damerau-Levenshtein distance (adjacent transpositions count one edit), cut off above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// Everyday words of five letters or more that must never be read as a typo of a catalog word.
    private static let neverFuzzy: Set<String> = [
        "order", "other", "about", "where", "there", "their", "thing", "something", "anything", "please",
        "thank", "thanks", "cheaper", "similar", "recommend", "looking", "would", "could", "should", "price",
        "under", "below", "money", "dollar", "budget", "email", "address", "still", "never", "arrived",
    ]

    /// Words that say nothing about which product is meant.
    private static let stopWords: Set<String> = [
        "the", "and", "for", "with", "pack", "set", "pro", "plus", "mini", "pair", "inch", "kids", "one", "new",
        "daily", "classic", "large", "small", "free", "grain",
    ]

    /// Everyday words for common catalog categories, keyed by the category's folded singular form.
    private static let synonyms: [String: [String]] = [
        "shoe": ["sneaker", "trainer", "runner", "boot", "footwear", "sandal"],
        "apparel": ["clothe", "clothing", "shirt", "tshirt", "jacket", "hoodie", "pant", "wear", "outfit"],
        "clothing": ["clothe", "apparel", "shirt", "tshirt", "jacket", "hoodie", "pant", "wear", "outfit"],
        "accessory": ["accessorie", "extra", "addon"],
        "electronic": ["gadget", "tech", "device", "headphone", "earbud", "speaker", "keyboard", "mouse", "monitor",
                       "charger", "webcam", "computer", "laptop"],
        "audio": ["headphone", "earbud", "earphone", "speaker", "headset", "sound"],
        "bag": ["backpack", "rucksack", "pack", "luggage", "tote", "daypack"],
        "outdoor": ["camping", "hiking", "camp", "hike"],
        "kitchen": ["cookware", "cooking", "kitchenware", "utensil"],
        "home": ["household", "decor", "furniture"],
        "book": ["novel", "reading"],
        "toy": ["game", "kid"],
        "beauty": ["cosmetic", "makeup", "skincare"],
        "fitness": ["gym", "workout", "exercise", "sport", "training"],
        "sport": ["sporting", "athletic", "fitness", "gym", "workout", "exercise"],
        "pet": ["dog", "cat", "puppy", "kitten"],
        "garden": ["gardening", "plant"],
        "computer": ["laptop", "pc"],
        "phone": ["smartphone", "mobile", "cellphone"],
        "watch": ["smartwatch", "wristwatch"],
        "sock": ["hosiery"],
    ]
}
