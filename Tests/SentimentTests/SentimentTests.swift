import XCTest

final class SentimentPlaceholderTests: XCTestCase {}
