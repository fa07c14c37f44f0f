/// What can go wrong reading training data or a saved model, with the place it went wrong.
///
/// Each case describes itself like a compiler diagnostic, `path:line: error: message`, so a trainer
/// can jump straight to the line. File-level problems (a bad file name, an empty intent) point at line 1.
public enum IntentsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The intents folder does not exist or cannot be listed.
    case unreadableDirectory(path: String, reason: String)
    /// The folder holds no `<intent>.txt` file at all.
    case noIntents(path: String)
    /// A file in the folder cannot be read.
    case unreadableFile(path: String, reason: String)
    /// `<name>.txt` where name is not lowercase letters, digits and `_`.
    case invalidIntentName(path: String, name: String)
    /// A line that is not valid UTF-8.
    case invalidUTF8(path: String, line: Int)
    /// A `[text](slot)` annotation that does not parse.
    case brokenAnnotation(path: String, line: Int, message: String)
    /// An intent file with no example lines.
    case emptyIntent(path: String, name: String)
    /// Training needs at least two intents to tell apart.
    case tooFewIntents(path: String, count: Int)
    /// A saved model that cannot be read back (truncated, another format version).
    case invalidModel(path: String, reason: String)
    /// A model file or cache folder that cannot be written.
    case unwritableModel(path: String, reason: String)
    /// Cross-validation asked for more folds than the data allows, or fewer than two.
    case invalidFolds(requested: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadableDirectory(path, reason):
            return "\(path): error: cannot read the intents folder: \(reason)"
        case let .noIntents(path):
            return "\(path): error: no intent files (<intent>.txt) in this folder"
        case let .unreadableFile(path, reason):
            return "\(path): error: cannot read the file: \(reason)"
        case let .invalidIntentName(path, name):
            return "\(path):1: error: '\(name)' is not an intent name: use lowercase letters, digits and '_'"
        case let .invalidUTF8(path, line):
            return "\(path):\(line): error: the line is not valid UTF-8"
        case let .brokenAnnotation(path, line, message):
            return "\(path):\(line): error: \(message)"
        case let .emptyIntent(path, name):
            return "\(path):1: error: intent '\(name)' has no examples"
        case let .tooFewIntents(path, count):
            return "\(path): error: training needs at least two intents, found \(count)"
        case let .invalidModel(path, reason):
            return "\(path): error: not a usable model file: \(reason)"
        case let .unwritableModel(path, reason):
            return "\(path): error: cannot save the model: \(reason)"
        case let .invalidFolds(requested, reason):
            return "error: cannot run \(requested)-fold cross-validation: \(reason)"
        }
    }
}
