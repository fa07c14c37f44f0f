import Foundation

/// The saved model: a compact little-endian binary file that loads with a few bulk copies.
///
///     "CNCGNB02"                                   magic and format version
///     string fingerprint                           u32 length + UTF-8
///     f64 threshold, out-of-scope penalty, temperature, alpha; u32 examples; u32 minGram, maxGram; 3 × f32 group weights
///     u32 C; C × string intent names; C × f64 log prior; C × f64 unseen log probability
///     u32 V; V × u64 feature hash; V × u8 group; V × f32 IDF
///     (V + 1) × i32 entry starts; u32 E; E × u16 class; E × f32 delta
///
/// Everything read back is checked (sizes, bounds, monotone offsets) before use, so a truncated or
/// foreign file is an error, never a crash.
enum ModelFile {
    static let magic = Array("CNCGNB02".utf8)

    static func encode(_ classifier: IntentClassifier) -> Data {
        var writer = BinaryWriter()
        writer.bytes(magic)
        writer.string(classifier.fingerprint)
        writer.scalar(classifier.threshold)
        writer.scalar(classifier.outOfScopePenalty)
        writer.scalar(classifier.temperature)
        writer.scalar(classifier.model.alpha)
        writer.scalar(UInt32(classifier.exampleCount))
        writer.scalar(UInt32(classifier.vectorizer.extractor.minGram))
        writer.scalar(UInt32(classifier.vectorizer.extractor.maxGram))
        writer.array(classifier.vectorizer.groupWeights)
        writer.scalar(UInt32(classifier.intentNames.count))
        for name in classifier.intentNames { writer.string(name) }
        writer.array(classifier.model.logPriors)
        writer.array(classifier.model.unseenLogProbabilities)
        writer.scalar(UInt32(classifier.vectorizer.featureCount))
        writer.array(classifier.vectorizer.hashes)
        writer.array(classifier.vectorizer.groups)
        writer.array(classifier.vectorizer.idf)
        writer.array(classifier.model.entryStarts)
        writer.scalar(UInt32(classifier.model.entryClasses.count))
        writer.array(classifier.model.entryClasses)
        writer.array(classifier.model.entryDeltas)
        return writer.data
    }

    static func decode(_ data: Data, path: String) throws -> IntentClassifier {
        func invalid(_ reason: String) -> IntentsError { .invalidModel(path: path, reason: reason) }
        var reader = BinaryReader(data: data)
        guard let magic = reader.bytes(8), magic == Self.magic else { throw invalid("unknown format") }
        guard let fingerprint = reader.string(),
              let threshold: Double = reader.scalar(), let penalty: Double = reader.scalar(),
              let temperature: Double = reader.scalar(),
              let alpha: Double = reader.scalar(), let examples: UInt32 = reader.scalar(),
              let minGram: UInt32 = reader.scalar(), let maxGram: UInt32 = reader.scalar(),
              let groupWeights: [Float] = reader.array(count: 3),
              let classCount: UInt32 = reader.scalar()
        else { throw invalid("truncated header") }
        guard classCount >= 1, classCount <= UInt32(UInt16.max), minGram >= 1, minGram <= maxGram, maxGram <= 64
        else { throw invalid("bad header values") }
        var names: [String] = []
        for _ in 0..<classCount {
            guard let name = reader.string() else { throw invalid("truncated intent names") }
            names.append(name)
        }
        let c = Int(classCount)
        guard let logPriors: [Double] = reader.array(count: c), let unseen: [Double] = reader.array(count: c),
              let featureCount: UInt32 = reader.scalar()
        else { throw invalid("truncated class table") }
        let v = Int(featureCount)
        guard let hashes: [UInt64] = reader.array(count: v), let groups: [UInt8] = reader.array(count: v),
              let idf: [Float] = reader.array(count: v), let starts: [Int32] = reader.array(count: v + 1),
              let entryCount: UInt32 = reader.scalar()
        else { throw invalid("truncated vocabulary") }
        let e = Int(entryCount)
        guard let classes: [UInt16] = reader.array(count: e), let deltas: [Float] = reader.array(count: e),
              reader.isAtEnd
        else { throw invalid("truncated or oversized entry table") }
        guard groups.allSatisfy({ $0 < 3 }), starts.first == 0, starts.last == Int32(e),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              classes.allSatisfy({ Int($0) < c })
        else { throw invalid("inconsistent tables") }
        let vectorizer = TFIDFVectorizer(
            extractor: FeatureExtractor(minGram: Int(minGram), maxGram: Int(maxGram)),
            groupWeights: groupWeights, hashes: hashes, groups: groups, idf: idf)
        let model = NaiveBayes(
            classCount: c, featureCount: v, alpha: alpha, logPriors: logPriors, unseenLogProbabilities: unseen,
            entryStarts: starts, entryClasses: classes, entryDeltas: deltas)
        return IntentClassifier(
            intentNames: names, fingerprint: fingerprint, threshold: threshold, outOfScopePenalty: penalty,
            temperature: temperature,
            exampleCount: Int(examples), vectorizer: vectorizer, model: model)
    }
}

extension IntentClassifier {
    /// The model in its saved form (equal models give equal bytes).
    public func serialized() -> Data { ModelFile.encode(self) }

    /// Writes the model to `url` atomically (a temporary file renamed into place).
    public func save(to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try serialized().write(to: url, options: .atomic)
        } catch {
            throw IntentsError.unwritableModel(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads a model saved by `save(to:)`.
    public static func load(from url: URL) throws -> IntentClassifier {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IntentsError.invalidModel(path: url.path, reason: error.localizedDescription)
        }
        return try ModelFile.decode(data, path: url.path)
    }
}

/// Appends little-endian scalars and arrays of them.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    mutating func scalar<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func scalar(_ value: Double) { scalar(value.bitPattern) }

    mutating func string(_ value: String) {
        scalar(UInt32(value.utf8.count))
        data.append(contentsOf: value.utf8)
    }

    /// Arrays are copied in bulk: every platform Swift runs on here is little-endian.
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what `BinaryWriter` wrote; every read returns nil rather than running past the end.
struct BinaryReader {
    let data: Data
    private var offset: Int

    init(data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    var isAtEnd: Bool { offset == data.endIndex }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, data.endIndex - offset >= count else { return nil }
        defer { offset += count }
        return [UInt8](data[offset..<offset + count])
    }

    mutating func scalar<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard data.endIndex - offset >= size else { return nil }
        var value: T = 0
        _ = withUnsafeMutableBytes(of: &value) { target in
            data.copyBytes(to: target, from: offset..<offset + size)
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func scalar() -> Double? {
        guard let bits: UInt64 = scalar() else { return nil }
        return Double(bitPattern: bits)
    }

    mutating func string() -> String? {
        guard let count: UInt32 = scalar(), let bytes = bytes(Int(count)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    mutating func array<T: BitwiseCopyable>(count: Int) -> [T]? {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard count >= 0, !overflow, data.endIndex - offset >= size else { return nil }
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = UnsafeMutableRawBufferPointer(buffer)
            data.copyBytes(to: target, from: offset..<offset + size)
            initialized = count
        }
        offset += size
        return result
    }
}
