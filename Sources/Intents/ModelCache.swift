import Foundation

/// Saved models keyed by their training data: loads the model of an intents folder when one was saved
/// for the same data and options, and otherwise trains one and saves it.
///
/// Models live in `$XDG_CACHE_HOME/concierge/` (default `~/.cache/concierge/`), one file per
/// (training-data fingerprint, options) pair, so editing any intents file retrains by itself and
/// switching back to earlier data finds its model again.
public enum ModelCache {
    /// What `load` did.
    public struct Entry: Sendable {
        public var classifier: IntentClassifier
        /// Where the model is saved.
        public var modelURL: URL
        /// True when the model was trained now (no saved model matched the data).
        public var trained: Bool
    }

    /// The classifier for `intentsDirectory`, from the cache when it is current.
    public static func classifier(for intentsDirectory: URL) throws -> IntentClassifier {
        try load(intentsDirectory: intentsDirectory).classifier
    }

    /// The cache folder for `environment`: `$XDG_CACHE_HOME/concierge`, else `~/.cache/concierge`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("concierge")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/concierge")
    }

    /// The file a model of `trainingSet` trained with `options` is saved as in `cacheDirectory`.
    public static func modelURL(for trainingSet: TrainingSet, options: ClassifierOptions, in cacheDirectory: URL)
        -> URL
    {
        cacheDirectory.appendingPathComponent("intents-\(trainingSet.fingerprint)-\(key(of: options)).model")
    }

    /// Loads or trains the classifier of `intentsDirectory`. A model that cannot be saved (a read-only
    /// cache) is still returned; a saved model that cannot be read is retrained over.
    public static func load(
        intentsDirectory: URL, options: ClassifierOptions = ClassifierOptions(),
        cacheDirectory: URL = ModelCache.directory()
    ) throws -> Entry {
        let trainingSet = try TrainingSet.load(from: intentsDirectory)
        let url = modelURL(for: trainingSet, options: options, in: cacheDirectory)
        if FileManager.default.fileExists(atPath: url.path),
           let saved = try? IntentClassifier.load(from: url), saved.fingerprint == trainingSet.fingerprint
        {
            return Entry(classifier: saved, modelURL: url, trained: false)
        }
        let classifier = try IntentClassifier.train(on: trainingSet, options: options)
        try? classifier.save(to: url)
        return Entry(classifier: classifier, modelURL: url, trained: true)
    }

    /// A short hash of everything in `options` that changes the model, and of the file format.
    static func key(of options: ClassifierOptions) -> String {
        var hash = FNV1a()
        hash.combine(ModelFile.magic)
        hash.combine(FeatureExtractor.version)
        hash.combine(NaiveBayes.hardExamplesVersion)
        let description = [
            "\(options.alpha)", options.groupWeights.map { "\($0)" }.joined(separator: ","),
            "\(options.minGram)-\(options.maxGram)", "\(options.fitPrior)", "\(options.temperature)",
            options.threshold.map { "\($0)" } ?? "cv", "\(options.thresholdFolds)", "\(options.seed)",
            "\(options.rejectCredit)", "\(options.outOfScopeWeight)",
            "\(options.normalizesExamples)", "\(options.hardExampleWeight)",
        ].joined(separator: ";")
        hash.combine(description.utf8)
        return String(hash.hex.prefix(8))
    }
}
