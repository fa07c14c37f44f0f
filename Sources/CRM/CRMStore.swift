import Foundation
import GRDB

/// The CRM database: customers, products, orders, complaints and the conversation log.
///
/// A file database is a GRDB `DatabasePool` in WAL mode with a busy timeout, so several `concierge`
/// processes can read and write the same file at once: readers never wait, and a writer waits for
/// another process's write to finish instead of failing. Every write is one transaction.
public final class CRMStore: Sendable {
    let database: any DatabaseWriter
    /// The file behind the store, or `:memory:`.
    public let path: String
    let recommenderCache = RecommenderCache()

    /// How long a write waits for another process holding the write lock before giving up.
    static let busyTimeout: TimeInterval = 10

    /// Opens the database at `path`, creating the file and running the migrations as needed.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL in WAL mode, which may lose the last commits on power loss.
            // A complaint must be durable before the customer is told its ticket, so sync every commit.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrate(pool)
        } catch {
            throw CRMError.cannotOpen(path: path, reason: Self.reason(error))
        }
        self.database = pool
        self.path = path
    }

    private init(queue: DatabaseQueue) {
        self.database = queue
        self.path = ":memory:"
    }

    /// A fresh, empty database in memory (migrated), for tests and throwaway sessions.
    public static func inMemory() throws -> CRMStore {
        let queue = try DatabaseQueue()
        try migrate(queue)
        return CRMStore(queue: queue)
    }

    /// A fresh in-memory database loaded from `fixture`.
    public static func inMemory(loading fixture: Fixture) throws -> CRMStore {
        let store = try inMemory()
        try store.load(fixture)
        return store
    }

    /// An independent in-memory copy of this database, made with SQLite's online backup: a fresh
    /// database per transcript without running the migrations and loading the fixture again.
    public func copyInMemory() throws -> CRMStore {
        let queue = try DatabaseQueue()
        try database.backup(to: queue)
        return CRMStore(queue: queue)
    }

    private static func migrate(_ writer: any DatabaseWriter) throws {
        do {
            try Schema.migrator.migrate(writer)
        } catch {
            // Two processes opening a new file at once may race on the first migration; the loser sees
            // the winner's tables once its busy wait is over, and a second pass finds nothing to do.
            try Schema.migrator.migrate(writer)
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    // MARK: - The default database

    /// Where the default database lives: `$CONCIERGE_DB`, else `$XDG_DATA_HOME/concierge/crm.sqlite`,
    /// else `~/.local/share/concierge/crm.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["CONCIERGE_DB"], !path.isEmpty { return path }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            return (dataHome as NSString).appendingPathComponent("concierge/crm.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/concierge/crm.sqlite")
    }

    /// Opens the database at `path`, which must exist: a command given `--db` with a mistyped path
    /// should say so rather than quietly create an empty database.
    public static func openExisting(path: String) throws -> CRMStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CRMError.cannotOpen(path: path, reason: "no such file (create it with `concierge db init --db \(path)`)")
        }
        return try CRMStore(path: path)
    }

    /// The database a command uses when it is given no `--db`: the one at `defaultPath(environment:)`,
    /// created from the bundled demo data on first use.
    public static func openDefault(environment: [String: String]) throws -> OpenedDatabase {
        try open(path: defaultPath(environment: environment), creatingFrom: .demo)
    }

    /// Opens the database at `path`; when there is no file there, creates one (and its folders) filled
    /// from `fixture`, and says so in the result so the caller can tell the user where it went.
    ///
    /// The new database is built under a temporary name and moved into place, so a process that is
    /// interrupted, or another one starting at the same time, never sees a half-filled database.
    public static func open(path: String, creatingFrom fixture: @autoclosure () -> Fixture) throws -> OpenedDatabase {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) {
            return OpenedDatabase(store: try CRMStore(path: path), path: path, created: false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        } catch {
            throw CRMError.cannotOpen(path: path, reason: "cannot create \(folder): \(error.localizedDescription)")
        }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).new"
        try create(at: temporary, from: fixture())
        // link(2) refuses to replace an existing file, so when another process created the database
        // meanwhile (and may already be writing to it), its file wins and this copy is thrown away.
        var created = true
        if link(temporary, path) != 0 {
            let failure = errno
            if failure == EEXIST {
                created = false
            } else if rename(temporary, path) != 0 {  // file systems without hard links
                removeDatabaseFiles(at: temporary)
                throw CRMError.cannotOpen(path: path, reason: String(cString: strerror(failure)))
            }
        }
        removeDatabaseFiles(at: temporary)
        return OpenedDatabase(store: try CRMStore(path: path), path: path, created: created)
    }

    /// Writes a new database at `path` filled from `fixture`. Refuses to replace an existing file
    /// unless `replacing` is true. Creates the folders on the way.
    public static func create(at path: String, from fixture: Fixture, replacing: Bool = false) throws {
        if FileManager.default.fileExists(atPath: path) {
            guard replacing else { throw CRMError.alreadyExists(path: path) }
            removeDatabaseFiles(at: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CRMError.cannotOpen(path: path, reason: "cannot create \(folder): \(error.localizedDescription)")
            }
        }
        do {
            let store = try CRMStore(path: path)
            try store.load(fixture)
            // Fold the WAL into the main file so the database is one self-contained file.
            _ = try store.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
    }

    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

/// A database opened by `CRMStore.open(path:creatingFrom:)`.
public struct OpenedDatabase: Sendable {
    public var store: CRMStore
    public var path: String
    /// True when the file did not exist and was created from the demo data just now.
    public var created: Bool
}
