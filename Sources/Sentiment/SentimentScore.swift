/// Whether a text reads as negative, neutral or positive.
public enum SentimentLabel: String, Sendable, Codable, CaseIterable {
    case negative, neutral, positive

    /// The label of a compound score: negative below -0.05, positive above 0.05, neutral between.
    ///
    /// The ±0.05 band is the convention the VADER benchmark scores against (its ternary accuracy),
    /// so labels stay comparable with the peer; a neutral band this narrow keeps polite
    /// but plain requests ("where is my order") neutral, as they score 0 exactly.
    public init(compound: Double) {
        if compound < -SentimentLabel.neutralBand {
            self = .negative
        } else if compound > SentimentLabel.neutralBand {
            self = .positive
        } else {
            self = .neutral
        }
    }

    /// Half the width of the neutral band around 0.
    public static let neutralBand = 0.05
}

/// What one lexicon entry (a word, phrase, emoticon or emoji) added to a text's raw score.
public struct SentimentContribution: Sendable, Equatable {
    /// The lexicon entry as it matched: a folded word, a phrase ("still waiting"), an emoticon or emoji.
    public var token: String
    /// Its valence after the rules (negation, intensifiers, contrast, caps, punctuation) applied.
    public var weight: Double

    public init(token: String, weight: Double) {
        self.token = token
        self.weight = weight
    }
}

/// The sentiment of one text.
public struct SentimentScore: Sendable, Equatable {
    /// The overall score in [-1, 1]: the raw sum of contributions squashed by s / sqrt(s² + α).
    public var compound: Double
    /// The label of `compound`.
    public var label: SentimentLabel
    /// The entries that carried sentiment, in text order (entries with no valence are left out).
    public var contributions: [SentimentContribution]

    public init(compound: Double, contributions: [SentimentContribution]) {
        self.compound = compound
        self.label = SentimentLabel(compound: compound)
        self.contributions = contributions
    }

    /// The score of a text with no sentiment at all.
    public static let neutral = SentimentScore(compound: 0, contributions: [])
}
