import Foundation

/// Scores how a customer feels: a lexicon of valences and hand-built rules over it.
///
/// For a text with lexicon entries e₁…eₙ (words, phrases, emoticons, emoji), the raw score is
///
///     s = amp · Σᵢ mᵢ · v(eᵢ),    compound = s / √(s² + α)
///
/// where v is the lexicon valence and mᵢ the product of the rules that reach eᵢ: negation (×-0.5 within
/// three words of not/never/n't/no/hardly, inside the clause), intensifiers and dampeners before it
/// ("very" ×1.3, "slightly" ×0.5, decaying with distance), contrast (before "but"/"however" ×0.5, after
/// ×1.4; a clause opened by "although" ×0.5), ALL CAPS among mixed case ×1.3, elongation ×1.2, a
/// sentence ending in a lone "?" ×0.7 and in "!" ×1.25; and amp raises the whole sum for each "!" (up
/// to 4) and for runs of "?". A hashtag run together from words the lexicon knows and short function
/// words counts as those words ("#sadface", "#notgood", "#wearedoomed"). Two adjacent single words of
/// one clause may form a learned word pair ("at+least", "can+not") whose valence adds to theirs, weighed
/// like the second word. Because s is linear in the valences, the lexicon is learned through these same
/// rules (scripts/sentiment/learn_lexicon.py).
///
/// A pure value: the same text always gets the same score, and one scorer can be shared by any thread.
public struct SentimentScorer: Sendable {
    public let lexicon: SentimentLexicon
    private let scanner = SentimentScanner()
    /// Every single word the scorer cares about, with what it knows of it: one hash lookup per word.
    private let words: [String: WordInfo]
    /// Word-pair valences by the two words' `WordInfo.id`s (`first << 32 | second`): an integer key, so looking
    /// a pair up after every word costs no string hashing.
    private let pairValences: [Int: Double]

    /// A word's valence and its role in the rules.
    private struct WordInfo {
        var valence: Double?
        var startsPhrase = false
        var role: SentimentRules.Role?
        /// The second word of a two-word dampener ("kind of"): scale by first word.
        var pairScales: [String: Double]?
        /// This word's number, for `pairValences`.
        var id = 0
        /// Whether some word pair starts with this word ("can" in "can+not").
        var startsPair = false
        /// A function word that may be part of a split hashtag whatever its length (`hashtagFunctionWords`).
        var isHashtagFunctionWord = false
    }

    /// The scorer with the bundled lexicon (an empty one, scoring everything neutral, if the bundle
    /// were broken; `SentimentTests` checks it is not).
    public static let standard = SentimentScorer(lexicon: (try? SentimentLexicon.bundled()) ?? SentimentLexicon([:]))

    public init(lexicon: SentimentLexicon) {
        self.lexicon = lexicon
        var words: [String: WordInfo] = [:]
        words.reserveCapacity(lexicon.count)
        var pairs: [(first: String, second: String, valence: Double)] = []
        for (key, valence) in lexicon.valences where !key.utf8.contains(UInt8(ascii: " ")) {
            if let (first, second) = SentimentLexicon.pairWords(key) {
                pairs.append((first, second, valence))
                words[first, default: WordInfo()].startsPair = true
                if words[second] == nil { words[second] = WordInfo() }  // so that it has an id
                continue
            }
            words[key, default: WordInfo()].valence = valence
        }
        for start in lexicon.phraseStarts { words[start, default: WordInfo()].startsPhrase = true }
        for (word, role) in SentimentRules.roles { words[word, default: WordInfo()].role = role }
        for (second, firsts) in SentimentRules.pairScales { words[second, default: WordInfo()].pairScales = firsts }
        for word in SentimentRules.hashtagFunctionWords { words[word, default: WordInfo()].isHashtagFunctionWord = true }
        // Any numbering serves (the ids never leave this value); sorting 30,000 strings would cost the
        // start-up of every command that scores a sentence.
        for (number, key) in Array(words.keys).enumerated() { words[key]?.id = number }
        var pairValences: [Int: Double] = [:]
        for pair in pairs {
            if let first = words[pair.first]?.id, let second = words[pair.second]?.id {
                pairValences[first << 32 | second] = pair.valence
            }
        }
        self.words = words
        self.pairValences = pairValences
    }

    /// The sentiment of `text`.
    public func score(_ text: String) -> SentimentScore {
        var contributions: [SentimentContribution] = []
        let raw = rawScore(text) { token, weight in
            contributions.append(SentimentContribution(token: token, weight: weight))
        }
        return SentimentScore(compound: Self.compound(raw), contributions: contributions)
    }

    /// The compound score of `text` alone, without collecting contributions (for bulk scoring).
    public func compound(_ text: String) -> Double {
        Self.compound(rawScore(text) { _, _ in })
    }

    static func compound(_ raw: Double) -> Double {
        let value = raw / (raw * raw + SentimentRules.alpha).squareRoot()
        // An overflowing sum (only from a hand-made lexicon with absurd values) saturates instead of NaN.
        guard value.isFinite else { return raw > 0 ? 1 : raw < 0 ? -1 : 0 }
        return min(1, max(-1, value))
    }

    // MARK: - The rules

    /// A lexicon entry matched in the text: items `start..<end` (more than one for a phrase).
    private struct Unit {
        var start: Int
        var end: Int
        var key: String
    }

    private func rawScore(_ text: String, contribute: (String, Double) -> Void) -> Double {
        let scanned = scanner.scan(text)
        let items = splitHashtags(scanned.items)
        let count = items.count
        if count == 0 { return 0 }
        var keys = [String]()
        keys.reserveCapacity(count)
        var infos = [WordInfo?](repeating: nil, count: count)
        var mixedCase = false
        for (index, item) in items.enumerated() {
            var key = item.key
            if item.kind == .word {
                if !item.isCaps { mixedCase = true }
                if item.isElongated { key = resolveElongated(key) }
                infos[index] = words[key]
            }
            keys.append(key)
        }

        let units = matchPhrases(items, keys, infos)
        var inPhrase = [Bool](repeating: false, count: count)
        for unit in units where unit.end - unit.start > 1 {
            for index in unit.start..<unit.end { inPhrase[index] = true }
        }

        // Each word's role; a two-word dampener ("kind of") acts from its second word, and its two words only
        // dampen: "kind" in "kind of annoyed" is not kindness.
        var roles = [SentimentRules.Role?](repeating: nil, count: count)
        var inPair = [Bool](repeating: false, count: count)
        for index in 0..<count {
            guard let info = infos[index] else { continue }
            roles[index] = info.role
            if let pair = info.pairScales, index > 0, items[index - 1].kind == .word, let scale = pair[keys[index - 1]] {
                var role = info.role ?? SentimentRules.Role()
                role.scale = scale
                roles[index] = role
                inPair[index - 1] = true
                inPair[index] = true
            }
        }

        // Contrast: the last "but"/"however" of each sentence splits it; a concessive clause is damped.
        let sentences = (items.last?.sentence ?? 0) + 1
        var contrastAt = [Int](repeating: -1, count: sentences)
        var concessionOpensSentence = [Int](repeating: -1, count: sentences)  // clause number, or -1
        var concessionClauses = Set<Int>()  // clause numbers run through the whole text, so they are unique
        for index in 0..<count {
            guard let role = roles[index] else { continue }
            let item = items[index]
            if role.isContrast {
                contrastAt[item.sentence] = index
            } else if role.isConcessive {
                concessionClauses.insert(item.clause)
                if index == 0 || items[index - 1].sentence != item.sentence {
                    concessionOpensSentence[item.sentence] = item.clause
                }
            }
        }

        var amp = 1 + SentimentRules.exclamation * Double(min(scanned.exclamations, SentimentRules.maximumExclamations))
        if scanned.questions >= 2 {
            amp *= 1 + SentimentRules.questions * Double(min(scanned.questions, SentimentRules.maximumQuestions))
        }

        let questionSentences = scanned.questionSentences
        let exclamationSentences = scanned.exclamationSentences

        var raw = 0.0
        // The single word just before the current unit, in the same clause: a word pair may start there.
        var previousWord = -1
        for unit in units {
            let single = unit.end - unit.start == 1
            if single && inPair[unit.start] {
                previousWord = -1
                continue
            }
            let item = items[unit.start]
            let valence: Double
            if !single {
                valence = lexicon.valences[unit.key] ?? 0
            } else if item.kind == .word {
                valence = infos[unit.start]?.valence ?? 0
            } else {
                valence = lexicon.valences[unit.key] ?? 0
            }
            var pairValence = 0.0
            if single, item.kind == .word, previousWord >= 0, items[previousWord].clause == item.clause,
               let firstInfo = infos[previousWord], firstInfo.startsPair, let secondInfo = infos[unit.start],
               let value = pairValences[firstInfo.id << 32 | secondInfo.id] {
                pairValence = value
            }
            let first = previousWord
            previousWord = single && item.kind == .word ? unit.start : -1
            if valence == 0 && pairValence == 0 { continue }
            var weight = 1.0
            if item.kind == .word {
                weight = modifiers(at: unit.start, key: unit.key, items: items, keys: keys, roles: roles, inPhrase: inPhrase)
                if item.isCaps && mixedCase { weight *= SentimentRules.caps }
                if item.isElongated { weight *= SentimentRules.elongated }
            }
            let contrast = contrastAt[item.sentence]
            if contrast >= 0 {
                if unit.start < contrast {
                    weight *= SentimentRules.beforeContrast
                } else if unit.start > contrast {
                    weight *= SentimentRules.afterContrast
                }
            }
            if !questionSentences.isEmpty, questionSentences.contains(item.sentence) { weight *= SentimentRules.question }
            if !exclamationSentences.isEmpty, exclamationSentences.contains(item.sentence) { weight *= SentimentRules.exclaimed }
            if concessionClauses.contains(item.clause) {
                weight *= SentimentRules.concession
            } else if concessionOpensSentence[item.sentence] >= 0, item.clause > concessionOpensSentence[item.sentence] {
                weight *= SentimentRules.afterContrast
            }
            if valence != 0 {
                let contribution = weight * amp * valence
                raw += contribution
                contribute(unit.key, contribution)
            }
            if pairValence != 0 {
                let contribution = weight * amp * pairValence
                raw += contribution
                contribute(keys[first] + SentimentLexicon.pairSeparator + unit.key, contribution)
            }
        }
        return raw
    }

    /// Negation and intensifiers in the few words before `start`, within its clause.
    private func modifiers(
        at start: Int, key: String, items: [SentimentItem], keys: [String], roles: [SentimentRules.Role?], inPhrase: [Bool]
    ) -> Double {
        var weight = 1.0
        var negated = false
        let clause = items[start].clause
        for distance in 1...SentimentRules.window {
            let index = start - distance
            guard index >= 0, items[index].clause == clause, items[index].kind == .word, !inPhrase[index] else { break }
            guard let role = roles[index] else { continue }
            if role.isNegator { negated = true }
            if role.scale != 0 { weight *= 1 + role.scale * SentimentRules.decay[distance - 1] }
        }
        // "no longer" negates what follows it, not "longer" itself.
        // Interjections are reactions, not statements: "no way lol" still laughs.
        if negated, !SentimentRules.interjections.contains(key), !(start >= 1 && key == "longer" && keys[start - 1] == "no") {
            weight *= SentimentRules.negation
        }
        return weight
    }

    /// Units in text order: the longest phrase starting at each item (within a clause), else the item.
    private func matchPhrases(_ items: [SentimentItem], _ keys: [String], _ infos: [WordInfo?]) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(items.count)
        var index = 0
        while index < items.count {
            var matched: Unit?
            if infos[index]?.startsPhrase == true {
                var length = min(lexicon.longestPhrase, items.count - index)
                while length > 1, matched == nil {
                    let span = index..<(index + length)
                    if span.allSatisfy({ items[$0].kind == .word && items[$0].clause == items[index].clause }) {
                        let candidate = keys[span].joined(separator: " ")
                        if lexicon.valences[candidate] != nil { matched = Unit(start: index, end: index + length, key: candidate) }
                    }
                    length -= 1
                }
            }
            let unit = matched ?? Unit(start: index, end: index + 1, key: keys[index])
            units.append(unit)
            index = unit.end
        }
        return units
    }

    /// A hashtag the lexicon does not know, run together from words it does ("#sadface", "#wearedoomed", "#notgood"),
    /// becomes those words, which then count like any words of the text (a "not" among them negates what follows).
    /// (`rules.split_hashtag` in scripts/sentiment/rules.py is the same rule.)
    private func splitHashtags(_ items: [SentimentItem]) -> [SentimentItem] {
        guard items.contains(where: { $0.isHashtag }) else { return items }
        var out: [SentimentItem] = []
        out.reserveCapacity(items.count + 2)
        for item in items {
            if item.isHashtag, !item.isElongated, let parts = splitHashtag(item.key) {
                for part in parts {
                    out.append(SentimentItem(key: part, kind: .word, isCaps: item.isCaps, isElongated: false,
                                             clause: item.clause, sentence: item.sentence))
                }
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// The words of `word`: each a single word of the lexicon of at least `hashtagPart` letters or a function word,
    /// at least one of them not a function word. Fewest parts first (2 up to `hashtagParts`), then the shortest first
    /// part, then the shortest second, and so on; nil when there is no such split or `word` is known as a whole.
    private func splitHashtag(_ word: String) -> [String]? {
        let scalars = Array(word.unicodeScalars)
        let count = scalars.count
        guard count > SentimentRules.hashtagPart, count <= SentimentRules.hashtagLongest, words[word]?.valence == nil else {
            return nil
        }
        func usable(_ part: String, length: Int) -> Bool {
            guard let info = words[part] else { return false }  // one lookup: the hashtag's substrings are many
            return info.isHashtagFunctionWord || (length >= SentimentRules.hashtagPart && info.valence != nil)
        }
        // For each start, the fewest parts that spell the rest and where the first of them ends (0 parts: no split).
        // Going through ends from the nearest and keeping the first on a tie gives the shortest first part.
        var parts = [Int](repeating: 0, count: count + 1)
        var ends = [Int](repeating: 0, count: count + 1)
        for start in stride(from: count - 1, through: 0, by: -1) {
            for end in (start + 1)...count {
                let rest = end == count ? 0 : parts[end]
                guard end == count || rest > 0, rest < SentimentRules.hashtagParts,
                      parts[start] == 0 || rest + 1 < parts[start] else { continue }
                if usable(String(String.UnicodeScalarView(scalars[start..<end])), length: end - start) {
                    parts[start] = rest + 1
                    ends[start] = end
                }
            }
        }
        guard parts[0] >= 2 else { return nil }
        var split: [String] = []
        var start = 0
        while start < count {
            split.append(String(String.UnicodeScalarView(scalars[start..<ends[start]])))
            start = ends[start]
        }
        return split.contains(where: { words[$0]?.isHashtagFunctionWord != true }) ? split : nil
    }

    /// "goood" → "good" (runs cut to two letters) when the lexicon knows it, else "god"-style runs of one.
    private func resolveElongated(_ word: String) -> String {
        let two = SentimentScanner.collapsed(word, keep: 2)
        return words[two]?.valence != nil ? two : SentimentScanner.collapsed(word, keep: 1)
    }
}
