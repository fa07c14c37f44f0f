import XCTest

final class IntentsPlaceholderTests: XCTestCase {}
