import XCTest

final class ConciergePlaceholderTests: XCTestCase {}
