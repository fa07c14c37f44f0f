// swift-tools-version:6.0
import PackageDescription

// Data flows one way: concierge (terminal) -> Transcripts / Dialogue -> Intents, Sentiment, CRM -> TextKit.
// Lower modules never import higher ones; GRDB is imported by CRM only, readline by the executable only.
let package = Package(
    name: "Concierge",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "concierge", targets: ["concierge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .target(name: "TextKit"),
        .target(name: "CKernels"),
        .target(name: "Intents", dependencies: ["TextKit", "CKernels"]),
        .target(
            name: "Sentiment",
            dependencies: ["TextKit"],
            resources: [.copy("Resources/lexicon.tsv")]
        ),
        .target(
            name: "CRM",
            dependencies: ["TextKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Dialogue",
            dependencies: ["TextKit", "Intents", "Sentiment", "CRM"],
            resources: [.copy("Resources/replies.json")]
        ),
        .target(name: "Transcripts", dependencies: ["TextKit", "Intents", "Sentiment", "CRM", "Dialogue"]),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "concierge",
            dependencies: [
                "TextKit", "Intents", "Sentiment", "CRM", "Dialogue", "Transcripts", "CReadline", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TextKitTests", dependencies: ["TextKit"]),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels", "TextKit"]),
        .testTarget(name: "IntentsTests", dependencies: ["Intents", "TextKit"]),
        .testTarget(name: "SentimentTests", dependencies: ["Sentiment"]),
        .testTarget(
            name: "CRMTests",
            dependencies: ["CRM", "TextKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "CRM", "Intents", "Sentiment", "TextKit"]),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts", "Dialogue", "CRM"], exclude: ["Golden"]),
        .testTarget(name: "ConciergeTests", dependencies: ["concierge"]),
    ]
)
