import XCTest

final class DialoguePlaceholderTests: XCTestCase {}
