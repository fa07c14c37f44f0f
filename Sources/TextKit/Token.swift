/// One unit of customer text, as every module reads it.
///
/// `text` is the folded form (lower case, no accents, half-width); `original` is what the customer
/// typed, so slot extraction and explanations can quote it back.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Letters, with internal apostrophes and hyphens resolved (`don't` becomes `do`, `not`).
        case word
        /// A run of digits, possibly with `,` or `.` between digit groups (`10023`, `1,299.99`).
        case number
        /// An email address, kept whole.
        case email
        /// One emoji, with its modifiers and joiners kept whole.
        case emoji
        /// Any other visible symbol (`?`, `!`, `$`, `#`).
        case punctuation
    }

    public var text: String
    public var kind: Kind
    public var original: Substring

    public init(_ text: String, _ kind: Kind, original: Substring) {
        self.text = text
        self.kind = kind
        self.original = original
    }

    /// The token as a classifier feature: numbers and emails become their shape, so that
    /// `order 10023` and `order 99817` look alike to a model.
    public var feature: String {
        switch kind {
        case .number:
            let digits = text.utf8.reduce(0) { $0 + (($1 >= 0x30 && $1 <= 0x39) ? 1 : 0) }
            return Token.numberShapes[min(digits, Token.numberShapes.count - 1)]
        case .email:
            return "<email>"
        case .word, .emoji, .punctuation:
            return text
        }
    }

    /// `<num:0>` ... `<num:11>`, `<num:12+>`: a number's shape by its count of digits.
    static let numberShapes = (0...12).map { $0 == 12 ? "<num:12+>" : "<num:\($0)>" }
}
