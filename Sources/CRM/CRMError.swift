/// What can go wrong in the store, described for the person who has to fix it.
public enum CRMError: Error, CustomStringConvertible, Equatable {
    /// The database file cannot be opened or created (exit code 74 in the CLI).
    case cannotOpen(path: String, reason: String)
    /// `db init` would overwrite an existing database without `--force`.
    case alreadyExists(path: String)
    /// A complaint or turn names a customer or an order that is not in the database.
    case unknownCustomer(String)
    case unknownOrder(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): error: cannot open the database: \(reason)"
        case let .alreadyExists(path):
            return "\(path): error: a database already exists here (use --force to replace it)"
        case let .unknownCustomer(id):
            return "error: unknown customer '\(id)'"
        case let .unknownOrder(id):
            return "error: unknown order '\(id)'"
        }
    }
}
