import CRM
import Dialogue
import Foundation
import Intents
import TextKit

/// One problem `concierge validate` found, printed like a compiler's diagnostic.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): error: \(message)" } ?? "\(file): error: \(message)"
    }
}

/// `concierge validate` (SPEC §1): lints the trainers' and QA's data without running anything.
///
/// - intents: files that do not parse, intents with no examples, the same example under two intents,
///   slot annotations that no extractor fills as annotated;
/// - transcripts: parse errors, fixtures that are missing or do not load, `@customer`s not in their
///   fixture, and `=` assertions naming intents, slots or actions the agent does not have.
public struct DataValidator: Sendable {
    /// The slots the extractors fill (SPEC §6).
    public static let slots = ["order_id", "email", "category", "product", "budget"]
    /// The CRM actions a turn can run (SPEC §6).
    public static let actions = ["lookup_order", "recommend_products", "log_complaint", "handoff"]

    public var fixtures: CRMFixtureLoader

    public init(fixtures: CRMFixtureLoader = CRMFixtureLoader()) {
        self.fixtures = fixtures
    }

    /// Every issue in the intents folder and the transcripts under `dialogues`, in file and line order.
    public func validate(intents: URL, dialogues: [String]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let trainingSet = checkIntents(intents, issues: &issues)
        let intentNames = trainingSet.map { Set($0.intentNames).union([IntentClassifier.outOfScope]) }
        issues += checkTranscripts(dialogues, intentNames: intentNames)
        return issues
    }

    // MARK: - Intents

    /// The training set when it loads; every problem found goes into `issues`.
    ///
    /// The loader stops at its first error, so a file it rejects is set aside and the rest loaded again
    /// (from a scratch folder of links), until what remains loads: every broken file is reported, and
    /// the good ones are still checked for duplicates and slot annotations.
    func checkIntents(_ directory: URL, issues: inout [ValidationIssue]) -> TrainingSet? {
        let files = Self.intentFiles(in: directory)
        var setAside: Set<String> = []
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        while true {
            let source: URL
            if setAside.isEmpty {
                source = directory
            } else {
                guard let folder = Self.linkFolder(to: files.filter { !setAside.contains($0.shown) }, replacing: scratch)
                else { return nil }
                scratch = folder
                source = folder
            }
            do {
                var trainingSet = try TrainingSet.load(from: source)
                if source != directory { trainingSet = Self.renaming(trainingSet, from: source, files: files) }
                issues += duplicates(in: trainingSet)
                issues += slotAnnotationIssues(in: trainingSet)
                return trainingSet
            } catch {
                var issue = Self.issue(from: error, fallbackFile: directory.relativePath)
                let name = URL(fileURLWithPath: issue.file).lastPathComponent
                guard let file = files.first(where: { $0.url.lastPathComponent == name }), !setAside.contains(file.shown)
                else {
                    issues.append(issue)
                    return nil
                }
                issue.file = file.shown
                issues.append(issue)
                setAside.insert(file.shown)
                if setAside.count == files.count { return nil }
            }
        }
    }

    /// A scratch folder holding links to `files` (the previous one, if any, removed).
    static func linkFolder(to files: [(name: String, shown: String, url: URL)], replacing previous: URL?) -> URL? {
        if let previous { try? FileManager.default.removeItem(at: previous) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concierge-validate-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                try FileManager.default.createSymbolicLink(
                    at: folder.appendingPathComponent(file.url.lastPathComponent), withDestinationURL: file.url.absoluteURL)
            }
        } catch {
            return nil
        }
        return folder
    }

    /// The training set with each example's file named as in the real folder, not the scratch one.
    static func renaming(_ trainingSet: TrainingSet, from scratch: URL,
                         files: [(name: String, shown: String, url: URL)]) -> TrainingSet {
        let shownByName = Dictionary(files.map { ($0.url.lastPathComponent, $0.shown) }, uniquingKeysWith: { first, _ in first })
        var renamed = trainingSet
        renamed.examples = trainingSet.examples.map { example in
            var example = example
            example.file = shownByName[URL(fileURLWithPath: example.file).lastPathComponent] ?? example.file
            return example
        }
        return renamed
    }

    /// The same example (case, accents and spacing aside) under two intents.
    func duplicates(in trainingSet: TrainingSet) -> [ValidationIssue] {
        var firstSeen: [String: Example] = [:]
        var issues: [ValidationIssue] = []
        for example in trainingSet.examples {
            let key = Reply.collapsingWhitespace(Tokenizer.fold(example.text))
            if let first = firstSeen[key] {
                if first.intent != example.intent {
                    issues.append(ValidationIssue(
                        file: example.file, line: example.line,
                        message: "'\(VisibleText.excerpt(example.text, limit: 60))' is also an example of intent "
                            + "'\(first.intent)' (\(first.file):\(first.line))"))
                }
            } else {
                firstSeen[key] = example
            }
        }
        return issues
    }

    /// Annotations `[text](slot)` that the slot extractors do not read back from the example's text.
    func slotAnnotationIssues(in trainingSet: TrainingSet) -> [ValidationIssue] {
        let catalog = ProductCatalog(fixtures.defaultFixture.products)
        let extractor = SlotExtractor(catalog: catalog)
        var issues: [ValidationIssue] = []
        for example in trainingSet.examples where !example.annotations.isEmpty {
            let slots = extractor.extract(from: example.text)
            for annotation in example.annotations {
                if let problem = Self.problem(with: annotation, slots: slots, extractor: extractor) {
                    issues.append(ValidationIssue(
                        file: example.file, line: example.line,
                        message: "slot annotation [\(annotation.value)](\(annotation.slot)): \(problem)"))
                }
            }
        }
        return issues
    }

    /// Why the extractors' reading of the example disagrees with the annotation, or nil when it agrees.
    ///
    /// Order numbers, emails and budgets must be read exactly as annotated; a category or product must
    /// be filled (the extractor maps "sneakers" to the catalog's `shoes`, "my headphones" to a kind of
    /// product), as Dialogue's own annotation tests read them.
    static func problem(with annotation: SlotAnnotation, slots: Slots, extractor: SlotExtractor) -> String? {
        let value = annotation.value.trimmingCharacters(in: .whitespaces)
        let read = slots.values(in: extractor.catalog)[annotation.slot]
        let agrees: Bool
        switch annotation.slot {
        case "order_id":
            agrees = read == value.filter { !$0.isWhitespace && $0 != "#" }
        case "email":
            agrees = read == value.lowercased()
        case "budget":
            let digits = value.filter { $0.isNumber || $0 == "." }
            agrees = read.flatMap(Double.init) == Double(digits)
        case "category", "product":
            agrees = read != nil
        default:
            return "no extractor fills slot '\(annotation.slot)' (slots: \(DataValidator.slots.joined(separator: ", ")))"
        }
        guard !agrees else { return nil }
        return read.map { "the extractors read \(annotation.slot) '\($0)'" } ?? "the extractors read no \(annotation.slot)"
    }

    static func intentFiles(in directory: URL) -> [(name: String, shown: String, url: URL)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let base = directory.relativePath
        return entries.sorted().filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.map { entry in
            let shown = base.isEmpty || base == "." ? entry : (base.hasSuffix("/") ? base + entry : base + "/" + entry)
            return (String(entry.dropLast(4)), shown, directory.appendingPathComponent(entry))
        }
    }

    // MARK: - Transcripts

    func checkTranscripts(_ paths: [String], intentNames: Set<String>?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let files: [(url: URL, shown: String)]
        do {
            files = try TranscriptSuite.files(at: paths)
        } catch {
            return error.errors.map(Self.issue(from:))
        }
        var transcripts: [Transcript] = []
        for file in files {
            do {
                transcripts.append(try TranscriptParser.parse(contentsOf: file.url, file: file.shown))
            } catch {
                issues += error.errors.map(Self.issue(from:))
            }
        }
        for transcript in transcripts {
            issues += assertionIssues(transcript, intentNames: intentNames)
            // Fixtures and customers one transcript at a time, so each gets every one of its issues.
            do {
                _ = try FixturePreparation.prepare([transcript], loader: fixtures)
            } catch {
                issues += error.errors.map(Self.issue(from:))
            }
        }
        return issues.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    /// `= intent`, `= slot` and `= action` lines naming what the agent does not have.
    func assertionIssues(_ transcript: Transcript, intentNames: Set<String>?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for turn in transcript.turns {
            for assertion in turn.assertions {
                switch assertion {
                case .intent(let name, let line):
                    if let intentNames, !intentNames.contains(name) {
                        issues.append(ValidationIssue(file: transcript.file, line: line,
                                                      message: "unknown intent '\(name)': no intents/\(name).txt"))
                    }
                case .slot(let name, _, let line) where !Self.slots.contains(name):
                    issues.append(ValidationIssue(file: transcript.file, line: line, message:
                        "unknown slot '\(name)' (slots: \(Self.slots.joined(separator: ", ")))"))
                case .action(let name, let line) where !Self.actions.contains(name):
                    issues.append(ValidationIssue(file: transcript.file, line: line, message:
                        "unknown action '\(name)' (actions: \(Self.actions.joined(separator: ", ")), none)"))
                default:
                    continue
                }
            }
        }
        return issues
    }

    static func issue(from error: TranscriptError) -> ValidationIssue {
        switch error {
        case .parse(let file, let line, let message): return ValidationIssue(file: file, line: line, message: message)
        case .unreadable(let file, let reason): return ValidationIssue(file: file, line: nil, message: "cannot read: \(reason)")
        case .fixture(let file, let line, let message): return ValidationIssue(file: file, line: line, message: message)
        }
    }

    /// An issue from another module's error, which describes itself as `path:line: error: message`.
    static func issue(from error: any Error, fallbackFile: String) -> ValidationIssue {
        let text = String(describing: error)
        guard let marker = text.range(of: ": error: ") else {
            return ValidationIssue(file: fallbackFile, line: nil, message: text)
        }
        let location = text[..<marker.lowerBound]
        let message = String(text[marker.upperBound...])
        if let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]) {
            return ValidationIssue(file: String(location[..<colon]), line: line, message: message)
        }
        return ValidationIssue(file: String(location), line: nil, message: message)
    }
}

