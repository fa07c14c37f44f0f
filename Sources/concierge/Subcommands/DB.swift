import ArgumentParser
import CRM
import Foundation

extension Concierge {
    /// `concierge db`: manage the CRM database file.
    struct DB: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Manage the CRM database.",
            subcommands: [Init.self]
        )

        /// `concierge db init [--db PATH] [--fixture FILE] [--force]`
        struct Init: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a database from a fixture (default: the bundled demo data).")

            @OptionGroup var database: DatabaseOptions

            @Option(name: .long, help: ArgumentHelp("A fixture JSON file (SPEC §4) to fill it from.", valueName: "file"))
            var fixture: String?

            @Flag(name: .long, help: "Replace an existing database.")
            var force = false

            func run() throws {
                let path = database.db ?? CRMStore.defaultPath(environment: ProcessInfo.processInfo.environment)
                let data = try fixture.map { try loadFixture(atPath: $0) } ?? .demo
                do {
                    try CRMStore.create(at: path, from: data, replacing: force)
                } catch CRMError.alreadyExists(let path) {
                    throw report(CRMError.alreadyExists(path: path), exit: ExitStatus.checksFailed)
                } catch {
                    throw report(error, exit: ExitStatus.ioError)
                }
                print("Created \(path) from \(fixture ?? "the demo data"): \(data.customers.count) customers, "
                      + "\(data.products.count) products, \(data.orders.count) orders, \(data.complaints.count) complaints.")
            }
        }
    }
}

extension DatabaseOptions {
    /// The store `--db` names (which must exist), or the default one, created from the demo data on
    /// first use with a note on standard error saying where. Errors exit 74.
    func openCRMStore() throws -> CRMStore {
        do {
            if let path = db { return try CRMStore.openExisting(path: path) }
            let opened = try CRMStore.openDefault(environment: ProcessInfo.processInfo.environment)
            if opened.created {
                FileHandle.standardError.write(Data("Created the demo database at \(opened.path).\n".utf8))
            }
            return opened.store
        } catch {
            throw report(error, exit: ExitStatus.ioError)
        }
    }
}
