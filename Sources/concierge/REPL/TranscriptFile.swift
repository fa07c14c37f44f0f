import Foundation
import Transcripts

/// `chat --record FILE`: the session written as a transcript turn by turn, so an interrupted session
/// still leaves every turn it had on disk.
final class TranscriptFile {
    private let handle: FileHandle

    init(path: String, recorder: TranscriptRecorder) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(recorder.header().utf8)) else {
            throw report(RecordError.cannotWrite(path), exit: ExitStatus.ioError)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw report(RecordError.cannotWrite(path), exit: ExitStatus.ioError)
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func append(customer text: String, replies: [String], intent: String) {
        handle.write(Data(TranscriptRecorder.lines(forTurn: text, replies: replies, intent: intent).utf8))
    }

    deinit {
        try? handle.close()
    }
}

enum RecordError: Error, CustomStringConvertible {
    case cannotWrite(String)

    var description: String {
        switch self {
        case .cannotWrite(let path): "\(path): error: cannot write the transcript here"
        }
    }
}
