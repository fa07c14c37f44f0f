/// English contractions as customers type them, with or without the apostrophe.
///
/// The rules read a folded word's UTF-8 bytes, so that the tokenizer's fast path makes no `String` of
/// each word: through a `String` and a `Dictionary`, each of the 6,600 words of CLINC150's training set
/// that were, or looked like, contractions cost a thousand instructions or more.
struct Contractions {
    /// The rules, built once; read a static once per text, not per word (each read is a call).
    static let english = Contractions()

    /// Per (length, first letter, last letter): whether a whole-word form has that shape.
    private var shapes = [Bool](repeating: false, count: 16 * 26 * 26)
    /// Each whole-word form's letters packed into a 64-bit word (see `packed`), and its words.
    private var wholeForms: [(letters: UInt64, words: [String])] = []
    /// The words before `'s` that make it `is`, packed.
    private var copulaHosts: [UInt64] = []

    private init() {
        for (form, words) in Self.whole.sorted(by: { $0.key < $1.key }) {
            var letters = form
            letters.withUTF8 { bytes in
                guard let shape = Self.shape(bytes), let packed = Self.packed(bytes) else {
                    preconditionFailure("a whole-word contraction is two to eight bytes from a to z: \(form)")
                }
                shapes[shape] = true
                wholeForms.append((packed, words))
            }
        }
        for host in Self.isCopulaHost.sorted() {
            var letters = host
            letters.withUTF8 { copulaHosts.append(Self.packed($0) ?? 0) }
        }
    }

    /// The words a folded word stands for, or nil when it is not a contraction.
    static func expand(_ word: String) -> [String]? {
        var word = word
        var words: [String] = []
        let isContraction = word.withUTF8 { bytes in
            english.expand(bytes, hasApostrophe: bytes.contains(UInt8(ascii: "'"))) {
                words.append(String(decoding: $0, as: UTF8.self))
            }
        }
        return isContraction ? words : nil
    }

    /// Calls `body` with the UTF-8 of each word a folded word (its UTF-8, which has an apostrophe or not)
    /// stands for and returns true, or returns false (calling nothing) when it is not a contraction.
    @inline(__always)
    func expand(_ word: UnsafeBufferPointer<UInt8>, hasApostrophe: Bool,
                _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool
    {
        if let shape = Self.shape(word), shapes[shape], let letters = Self.packed(word),
           let whole = wholeForms.first(where: { $0.letters == letters })
        {
            for var word in whole.words { word.withUTF8(body) }
            return true
        }
        guard hasApostrophe else { return false }
        expandApostrophe(word, body)
        return true
    }

    /// The rules for a word with an apostrophe that is not a whole-word form.
    private func expandApostrophe(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        @inline(__always) func emit(_ word: StaticString) {
            word.withUTF8Buffer(body)
        }
        @inline(__always) func hasSuffix(_ suffix: StaticString) -> Bool {
            suffix.withUTF8Buffer { suffix in
                word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
            }
        }
        if hasSuffix("n't") {
            let base = UnsafeBufferPointer(rebasing: word[..<(word.count - 3)])
            if base.isEmpty { emit("not") } else { body(base) }
            emit("not")
            return
        }
        for (suffix, expansion, needsHost) in Self.suffixes where hasSuffix(suffix) {
            let base = UnsafeBufferPointer(rebasing: word[..<(word.count - suffix.utf8CodeUnitCount)])
            guard !base.isEmpty else { break }
            body(base)
            // `where's` is `where is`; `alice's order` is possessive, and the `'s` carries nothing.
            if needsHost {
                if let letters = Self.packed(base), copulaHosts.contains(letters) { emit("is") }
            } else {
                emit(expansion)
            }
            return
        }
        // Any other apostrophe (o'clock) is dropped.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { letters in
            var count = 0
            for byte in word where byte != UInt8(ascii: "'") {
                letters[count] = byte
                count += 1
            }
            body(UnsafeBufferPointer(rebasing: letters[..<count]))
        }
    }

    /// (length, first letter, last letter) of a word whose first and last bytes are `a`...`z`.
    @inline(__always)
    private static func shape(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...15).contains(word.count), let first = word.first, let last = word.last,
              (0x61...0x7A).contains(first), (0x61...0x7A).contains(last)
        else { return nil }
        return (word.count * 26 + Int(first - 0x61)) * 26 + Int(last - 0x61)
    }

    /// The bytes of a word of up to eight, in a 64-bit word (the first in the low byte).
    @inline(__always)
    private static func packed(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var letters: UInt64 = 0
        for (index, byte) in word.enumerated() { letters |= UInt64(byte) << (8 * index) }
        return letters
    }

    /// Each suffix, its word, and whether it is that word only after a copula host.
    private static let suffixes: [(StaticString, StaticString, Bool)] = [
        ("'m", "am", false), ("'re", "are", false), ("'ll", "will", false), ("'ve", "have", false),
        ("'d", "would", false), ("'s", "is", true),
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
