import CRM
import TextKit

/// The products a customer can name, indexed for forgiving lookup.
///
/// Customers write categories and products the way they think of them: plurals ("shoes" and "shoe"),
/// synonyms ("sneakers"), small typos ("sheos"). The catalog folds every word, strips plural endings,
/// and accepts a word within a small edit distance of a known one (one edit for words of five letters or
/// more, two for nine or more) so that short words never match by accident. Besides its categories'
/// names and everyday synonyms, it learns category words from product names ("watch" is sports when
/// most watches are).
public struct ProductCatalog: Sendable {
    /// One product: the CRM's own record.
    public typealias Item = Product

    public let items: [Item]

    /// Every word the catalog knows (category names, synonyms, words of product names), folded and
    /// singular; a word's ID is its index.
    private let vocabulary: [String]
    private let vocabularyBytes: [[UInt8]]
    private let wordIDs: [String: Int]
    /// Word IDs by length in bytes, for the typo search.
    private let wordsByLength: [Int: [Int]]
    /// Word ID -> the category it stands for.
    private let categoryOfWord: [Int: String]
    /// Category words learned from product names: matched with typos only when six letters or longer,
    /// so that "loves" is not read as "gloves".
    private let learnedWords: Set<Int>
    /// Word IDs that end a product's name ("shoe", "watch", "backpack"): a customer who says "my watch"
    /// names a kind of product.
    private let productKinds: Set<Int>
    /// Each product's significant word IDs, by index in `items`.
    private let productWords: [[Int]]

    public init(_ items: [Item]) {
        self.items = items
        var vocabulary: [String] = []
        var ids: [String: Int] = [:]
        func id(_ word: String) -> Int {
            if let known = ids[word] { return known }
            ids[word] = vocabulary.count
            vocabulary.append(word)
            return vocabulary.count - 1
        }
        let tokenizer = Tokenizer()
        let productWords = items.map { item in
            tokenizer.tokenize(item.name)
                .filter { $0.kind == .word && $0.text.count >= 3 && !Self.stopWords.contains($0.text) }
                .map { id(Self.singular($0.text)) }
        }
        var categories: [Int: String] = [:]
        func learn(_ word: String, _ category: String) {
            let wordID = id(word)
            if categories[wordID] == nil { categories[wordID] = category }
        }
        for category in Set(items.map(\.category)).sorted() {
            let folded = Tokenizer.fold(category)
            categories[id(Self.singular(folded))] = category
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
        var counts: [Int: [String: Int]] = [:]
        for (index, words) in productWords.enumerated() {
            for word in Set(words) { counts[word, default: [:]][items[index].category, default: 0] += 1 }
        }
        var learned: Set<Int> = []
        for (word, byCategory) in counts.sorted(by: { $0.key < $1.key }) where categories[word] == nil {
            let ranked = byCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let top = ranked.first, ranked.count == 1 || top.value > ranked[1].value else { continue }
            categories[word] = top.key
            learned.insert(word)
        }
        self.vocabulary = vocabulary
        vocabularyBytes = vocabulary.map { Array($0.utf8) }
        wordIDs = ids
        wordsByLength = Dictionary(grouping: vocabulary.indices, by: { vocabulary[$0].utf8.count })
        categoryOfWord = categories
        learnedWords = learned
        productKinds = Set(productWords.compactMap(\.last))
        self.productWords = productWords
    }

    /// The empty catalog: no categories or products are recognised.
    public static let empty = ProductCatalog([])

    /// The item with this SKU.
    public func item(sku: String) -> Item? {
        items.first { $0.sku == sku }
    }

    /// What a customer's words say about the catalog.
    struct Reading: Equatable {
        /// The category of the first word that names one.
        var category: String?
        /// The product whose name the words mention best.
        var product: Item?
        /// The first word (as typed, folded) that names a kind of product.
        var productKind: String?
    }

    /// Reads folded words: each is matched once against the vocabulary (exactly, as a singular, or
    /// within a typo), then categories, kinds and product names are looked up by word ID.
    func read(_ words: [String]) -> Reading {
        var reading = Reading()
        guard !vocabulary.isEmpty else { return reading }
        var mentioned: Set<Int> = []
        for word in words where !word.isEmpty {
            let matches = self.matches(word)
            mentioned.formUnion(matches)
            // "can you…" names no product on its own; "watering can" still counts toward one.
            if Self.grammarWords.contains(word) { continue }
            if reading.category == nil, let category = matches.lazy.compactMap({ categoryOfWord[$0] }).first {
                reading.category = category
            }
            if reading.productKind == nil, matches.contains(where: productKinds.contains) {
                reading.productKind = word
            }
        }
        // The best product is the one whose name is most completely mentioned: all of its significant
        // words when it has one or two, all but one when it has more; then the one with more words matched.
        var best: (share: Double, matched: Int, index: Int)?
        for (index, nameWords) in productWords.enumerated() where !nameWords.isEmpty {
            let matched = nameWords.reduce(0) { $0 + (mentioned.contains($1) ? 1 : 0) }
            let needed = nameWords.count <= 2 ? nameWords.count : nameWords.count - 1
            guard matched >= needed, matched >= 2 || nameWords.count == 1 else { continue }
            let share = Double(matched) / Double(nameWords.count)
            if let current = best, (current.share, current.matched) >= (share, matched) { continue }
            best = (share, matched, index)
        }
        reading.product = best.map { items[$0.index] }
        if reading.product != nil { reading.productKind = nil }
        return reading
    }

    /// The vocabulary IDs a folded word matches: itself or its singular exactly, else the words within a
    /// typo (one edit from five letters, two from nine; catalog-learned words only from six letters).
    /// A typo keeps the first letter: people rarely miss it, and "weather" is not "feather".
    private func matches(_ word: String) -> [Int] {
        let singular = Self.singular(word)
        if let exact = wordIDs[singular] ?? wordIDs[word] { return [exact] }
        guard word.utf8.count >= 5, !Self.neverFuzzy.contains(singular) else { return [] }
        let limit = word.utf8.count >= 9 ? 2 : 1
        let typed = Array(word.utf8), single = Array(singular.utf8)
        var found: [Int] = []
        for length in (single.count - limit)...(typed.count + limit) {
            for candidate in wordsByLength[length] ?? [] {
                if typed.count < 6, learnedWords.contains(candidate) { continue }
                let known = vocabularyBytes[candidate]
                guard known.first == typed.first else { continue }
                // "sheos" is a typo of the plural: compare the word as typed with both forms.
                if Self.editDistance(known, single, limit: limit) <= limit
                    || Self.editDistance(known + [UInt8(ascii: "s")], typed, limit: limit) <= limit {
                    found.append(candidate)
                }
            }
        }
        return found
    }

    /// Damerau-Levenshtein distance (adjacent transpositions count one edit), cut off above `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        editDistance(Array(a.utf8), Array(b.utf8), limit: limit)
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
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

    /// Everyday words of five letters or more that must never be read as a typo of a catalog word.
    private static let neverFuzzy: Set<String> = [
        "order", "other", "about", "where", "there", "their", "thing", "something", "anything", "please",
        "thank", "thanks", "cheaper", "similar", "recommend", "looking", "would", "could", "should", "price",
        "under", "below", "money", "dollar", "budget", "email", "address", "still", "never", "arrived",
    ]

    /// Words of a customer's sentence that are grammar even when a product's name has them: alone they
    /// name no category or kind ("can you recommend…" asks nothing about a watering can).
    private static let grammarWords: Set<String> = ["can", "will", "may", "might", "must", "shall"]

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
