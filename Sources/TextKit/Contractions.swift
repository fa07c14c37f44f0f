/// English contractions as customers type them, with or without the apostrophe.
enum Contractions {
    /// The words a folded word stands for, or nil when it is not a contraction.
    static func expand(_ word: String) -> [String]? {
        if let whole = whole[word] { return whole }
        // Bytes, not Foundation's `contains`: this runs for every word the classifier reads.
        let apostrophe = word.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "'")) }
        guard apostrophe ?? word.utf8.contains(UInt8(ascii: "'")) else { return nil }
        if word.hasSuffix("n't") {
            let base = String(word.dropLast(3))
            return [base.isEmpty ? "not" : base, "not"]
        }
        for (suffix, expansion) in suffixes where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            guard !base.isEmpty else { break }
            if suffix == "'s" {
                // `where's` is `where is`; `alice's order` is possessive, and the `'s` carries nothing.
                return isCopulaHost.contains(base) ? [base, "is"] : [base]
            }
            return [base, expansion]
        }
        // Any other apostrophe (o'clock) is dropped.
        return [word.filter { $0 != "'" }]
    }

    private static let suffixes: [(String, String)] = [
        ("'m", "am"), ("'re", "are"), ("'ll", "will"), ("'ve", "have"), ("'d", "would"), ("'s", "is"),
    ]

    private static let isCopulaHost: Set<String> = [
        "where", "what", "who", "how", "it", "that", "there", "he", "she", "here", "when", "why", "this",
    ]

    /// Whole-word forms: the irregular ones, and apostrophe-less typing of the common ones.
    static let whole: [String: [String]] = [
        "can't": ["can", "not"], "won't": ["will", "not"], "shan't": ["shall", "not"], "ain't": ["is", "not"],
        "let's": ["let", "us"],
        "cant": ["can", "not"], "wont": ["will", "not"], "dont": ["do", "not"], "didnt": ["did", "not"],
        "doesnt": ["does", "not"], "isnt": ["is", "not"], "arent": ["are", "not"], "wasnt": ["was", "not"],
        "werent": ["were", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"], "hadnt": ["had", "not"],
        "couldnt": ["could", "not"], "shouldnt": ["should", "not"], "wouldnt": ["would", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "whats": ["what", "is"],
        "wheres": ["where", "is"], "thats": ["that", "is"], "theres": ["there", "is"],
    ]
}
