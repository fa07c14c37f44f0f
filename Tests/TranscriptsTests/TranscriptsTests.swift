import XCTest

final class TranscriptsPlaceholderTests: XCTestCase {}
