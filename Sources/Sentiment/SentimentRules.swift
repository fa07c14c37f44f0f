import Foundation

/// The hand-built rules' words and constants.
///
/// `scripts/sentiment/rules.py` mirrors these (the lexicon is learned through the rules, so both must
/// agree); change them together and regenerate the lexicon.
enum SentimentRules {
    /// A negated word counts this much of its valence: flipped and damped ("not great" is not "awful");
    /// chosen by 5-fold and cross-domain r (-0.7 before the stand-alone negators learned valences).
    static let negation = -0.5
    /// An ALL-CAPS word among mixed-case text.
    static let caps = 1.3
    /// An elongated word ("sooo", "goood").
    static let elongated = 1.2
    /// The clause before "but" / "however" counts less, the one after more.
    static let beforeContrast = 0.5
    static let afterContrast = 1.4
    /// The clause a concessive ("although", "though", "despite") introduces counts less.
    ///
    /// The issue lists "although" with the contrast words; in "although it was cheap, it broke" the
    /// clause after "although" is the conceded one, so it is damped and the main clause raised.
    static let concession = 0.5
    /// Each "!" (up to 4) multiplies the raw sum by 1 + this.
    static let exclamation = 0.08
    static let maximumExclamations = 4
    /// Each "?" (up to 3, when there are at least 2) multiplies the raw sum by 1 + this.
    static let questions = 0.05
    static let maximumQuestions = 3
    /// What a sentence ending in a lone "?" says weighs this much: it asks or wonders more than it states ("Worth 5 games?",
    /// "is it any good?").
    static let question = 0.7
    /// What a sentence ending in "!" says weighs this much: the marks stress their own sentence most (on top of
    /// `exclamation`, which raises the whole text).
    static let exclaimed = 1.25
    /// compound = s / sqrt(s² + α): α sets how much raw score it takes to approach ±1 (chosen by 5-fold r).
    static let alpha = 2.0
    /// A hashtag run together from known words splits into parts of at least this many letters, function words
    /// (`hashtagFunctionWords`) apart.
    static let hashtagPart = 3
    /// A hashtag longer than this (in letters), or needing more parts than `hashtagParts`, stays whole: hashtags are
    /// short, and this bounds the search.
    static let hashtagLongest = 30
    static let hashtagParts = 4
    /// Common English function words, written from general knowledge, that may be parts of a split hashtag whatever
    /// their length ("#wearedoomed", "#notgood"); the negators among them negate as in running text.
    static let hashtagFunctionWords: Set<String> = [
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
        "them", "their", "this", "that", "these", "those",
        "a", "an", "the", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does",
        "did", "will", "would", "can", "could", "should",
        "not", "no", "never", "to", "of", "in", "on", "at", "for", "with", "by", "from", "up", "out", "off", "so",
        "as", "if", "or", "and", "all", "too",
        "what", "who", "how", "why", "when", "where", "there", "here", "just", "still", "ever",
    ]
    /// Negation and intensifiers reach this many words ahead, within their clause, with this decay.
    static let window = 3
    static let decay: [Double] = [1.0, 0.85, 0.7]

    static let negators: Set<String> = [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere",
        "cannot", "without", "hardly", "barely", "scarcely", "nope", "nah",
    ]

    /// Scale added to 1 for the words that follow; dampeners are negative. Two-word ones use `_`.
    static let intensifiers: [String: Double] = [
        "very": 0.3, "really": 0.3, "so": 0.3, "too": 0.2, "extremely": 0.5, "incredibly": 0.5,
        "absolutely": 0.4, "totally": 0.35, "completely": 0.35, "utterly": 0.45, "super": 0.35,
        "highly": 0.3, "truly": 0.3, "seriously": 0.3, "terribly": 0.4, "awfully": 0.4,
        "exceptionally": 0.45, "especially": 0.2, "particularly": 0.2, "remarkably": 0.35,
        "most": 0.25, "more": 0.15, "such": 0.2, "quite": 0.1, "pretty": 0.15, "deeply": 0.3,
        "thoroughly": 0.35, "entirely": 0.3, "fully": 0.2, "hugely": 0.4, "insanely": 0.45,
        "ridiculously": 0.4, "freaking": 0.4, "fucking": 0.5, "damn": 0.3, "bloody": 0.3,
        "slightly": -0.5, "somewhat": -0.4, "fairly": -0.2, "rather": -0.15, "mildly": -0.5,
        "marginally": -0.5, "partly": -0.4, "partially": -0.4, "almost": -0.3, "kinda": -0.4,
        "sorta": -0.4, "barely": -0.5, "hardly": -0.5, "a_bit": -0.4, "a_little": -0.4,
        "kind_of": -0.4, "sort_of": -0.4, "less": -0.4, "occasionally": -0.3,
    ]

    /// What a word does to its neighbours, looked up once per word.
    struct Role {
        var isNegator = false
        /// Scale for the words that follow (intensifier > 0, dampener < 0); 0 when none.
        var scale = 0.0
        var isContrast = false
        var isConcessive = false
    }

    /// The role of every word that has one.
    static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        for word in negators { roles[word, default: Role()].isNegator = true }
        for (word, scale) in intensifiers where !word.contains("_") { roles[word, default: Role()].scale = scale }
        for word in contrast { roles[word, default: Role()].isContrast = true }
        for word in concessive { roles[word, default: Role()].isConcessive = true }
        return roles
    }()

    /// Two-word dampeners ("kind of"), by their second word, then their first.
    static let pairScales: [String: [String: Double]] = {
        var pairs: [String: [String: Double]] = [:]
        for (word, scale) in intensifiers where word.contains("_") {
            let parts = word.split(separator: "_").map(String.init)
            if parts.count == 2 { pairs[parts[1], default: [:]][parts[0]] = scale }
        }
        return pairs
    }()

    /// Reactions, not statements: a negator before them does not flip them ("no way lol", "not me haha").
    static let interjections: Set<String> = [
        "lol", "haha", "hehe", "lmao", "lmfao", "rofl", "yay", "woohoo", "woot", "hooray", "ugh", "argh", "grr",
        "meh", "wow", "omg", "ouch", "oops", "yikes", "xoxo", "xx", "smh", "fml", "wtf",
    ]

    static let contrast: Set<String> = ["but", "however"]
    static let concessive: Set<String> = ["although", "though", "despite"]

    /// Apostrophe-less negative contractions as customers type them ("dont", "cant").
    static let bareNegations: Set<String> = [
        "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
        "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "aint",
        "neednt", "mustnt", "mightnt",
    ]
    /// The word a negative contraction stands on when it is not its spelling ("can't" → "can").
    static let negatedBases: [String: String] = ["ca": "can", "wo": "will", "ai": "am", "sha": "shall"]
    /// Clitics dropped from a word ("it's" → "it"); they carry no sentiment.
    static let clitics: [String] = ["'s", "'m", "'re", "'ll", "'ve", "'d"]

    /// Emoticons, as whole chunks of text, and the lexicon entry each one reads as.
    static let emoticons: [String: String] = {
        let forms: [String: String] = [
            ":)": ":) :-) =) :] =] :o) (: ^_^ ^^ :} c: :)) :-)) =)) ^.^ ^-^ (-:",
            ":D": ":D :-D =D xD XD 8D ;D :DD \\o/",
            ";)": ";) ;-) ;] ;))",
            ":P": ":P :p :-P :-p =P =p xP xp ;P ;p ;-P",
            "<3": "<3 <33 <333",
            ":(": ":( :-( =( :[ =[ ): :{ </3 :c :(( :-(( :((( )-: D= >.< >_<",
            ":'(": ":'( :,( ;( ;-( :'-( T_T T.T ;_;",
            ":/": ":/ :-/ :\\ =/ :S :s :l :-l o_O O_o o.O O.o",
            ":|": ":| :-| -_-",
            ">:(": ">:( >:-( D:",
            ":O": ":O :o :-O :-o",
            // Tweets arrive with HTML entities: "&lt;3" is "<3".
            "<3 ": "&lt;3 &lt;33",
            ">:( ": "&gt;:( &gt;:[ &gt;:-(",
        ]
        var table: [String: String] = [:]
        for (key, variants) in forms {
            let canonical = key.trimmingCharacters(in: .whitespaces)
            for form in variants.split(separator: " ") { table[String(form)] = canonical }
        }
        return table
    }()

    /// Pictographs looked up in the lexicon (modifiers, joiners and variation selectors are skipped).
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1F300...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value)
            || (0x2B05...0x2B55).contains(value)
    }
}
