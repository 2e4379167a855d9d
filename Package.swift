// swift-tools-version:6.0
import PackageDescription

// The layering of ARCHITECTURE.md is expressed here: each target names only what it may import.
var swiftSettings: [SwiftSetting] {
    [
        // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0335-existential-any.md
        .enableUpcomingFeature("ExistentialAny")
    ]
}

let package = Package(
    name: "kompetansebro",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kompetansebro", targets: ["KompetanseCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "KompetanseDomain", swiftSettings: swiftSettings),
        .target(name: "KompetanseSearch", swiftSettings: swiftSettings),
        .target(
            name: "KompetanseStore",
            dependencies: [
                "KompetanseDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "KompetanseAssistant", dependencies: ["KompetanseDomain", "KompetanseSearch"], swiftSettings: swiftSettings),
        .target(
            name: "KompetanseModelClient", dependencies: ["KompetanseAssistant", "KompetanseSearch"],
            swiftSettings: swiftSettings),
        .target(
            name: "KompetanseServices",
            dependencies: [
                "KompetanseDomain", "KompetanseSearch", "KompetanseStore", "KompetanseAssistant",
                "KompetanseModelClient", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KompetanseWeb",
            dependencies: [
                "KompetanseServices", "KompetanseDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "KompetanseCLI",
            dependencies: [
                "KompetanseServices", "KompetanseWeb", "KompetanseStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KompetanseTestSupport",
            dependencies: [
                "KompetanseDomain", "KompetanseSearch", "KompetanseStore", "KompetanseServices", "KompetanseWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KompetanseDomainTests", dependencies: ["KompetanseDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KompetanseSearchTests", dependencies: ["KompetanseSearch"], resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "KompetanseStoreTests", dependencies: ["KompetanseStore", "KompetanseTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "KompetanseServicesTests",
            dependencies: ["KompetanseServices", "KompetanseModelClient", "KompetanseSearch", "KompetanseTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "KompetanseWebTests",
            dependencies: [
                "KompetanseWeb", "KompetanseTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "KompetanseCLITests", dependencies: ["KompetanseCLI", "KompetanseTestSupport"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
