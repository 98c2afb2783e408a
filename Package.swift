// swift-tools-version:6.0
import Foundation
import PackageDescription

// The release link's function order (scripts/symbol-order); a build without the file links in
// lld's default order.
let symbolOrder = "\(Context.packageDirectory)/build-support/symbol-order.txt"
let symbolOrderFlags = FileManager.default.fileExists(atPath: symbolOrder)
    ? ["-Xlinker", "--symbol-ordering-file=\(symbolOrder)", "-Xlinker", "--no-warn-symbol-ordering"]
    : []
// The release link takes libstdc++ from its static archive (see the linker script in this directory).
let staticLibstdcxx = "\(Context.packageDirectory)/build-support/static-libstdc++"

let package = Package(
    name: "devtron-telemetry",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "devtron-telemetry", targets: ["devtron-telemetry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        // libpq, the PostgreSQL client library, as a system library: the database driver by design.
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CShims/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The one duration type's conversions: whole milliseconds, outside seconds, log text; no trap.
        .target(name: "Durations"),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", "Durations"]
        ),
        // The job's other C libraries, all already in the process beside libpq: libcurl for HTTP
        // (TLS, proxies, time limits), zlib for the gzip body. Swift packages for the same
        // (async-http-client, compress-nio) bring a networking runtime and Foundation into the
        // binary: twice the job's memory, see README. SHA-1 is the job's own (Events/SHA1.swift):
        // OpenSSL 3's would start its provider machinery, 2 MB, for one 20-byte digest.
        .systemLibrary(
            name: "CLibCurl",
            path: "Sources/CShims/CLibCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        // glibc's mallopt, to keep the process to one malloc arena (see Entry.swift).
        .systemLibrary(name: "CMalloc", path: "Sources/CShims/CMalloc"),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CShims/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "HTTP",
            dependencies: ["CLibCurl", "Durations"]
        ),
        .target(
            name: "TelemetryCore",
            dependencies: [
                "Postgres",
                "HTTP",
                "Durations",
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "devtron-telemetry",
            dependencies: [
                "TelemetryCore",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Release links trade nothing for a smaller working set (measured by scripts/bench):
            // lld, a position-dependent executable (no relative relocations to apply at start-up),
            // no dynamic export of every Swift symbol, libstdc++ linked in statically (the Swift
            // runtime is its only user in the process), and the functions the job runs laid out
            // side by side (build-support/symbol-order.txt, made by scripts/symbol-order).
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic",
                     "-Xclang-linker", "-L\(staticLibstdcxx)"] + symbolOrderFlags,
                    .when(platforms: [.linux], configuration: .release)
                ),
            ]
        ),
        // A real HTTP(S) server on loopback and a throwaway-database helper, shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: [
                "Postgres", "TelemetryCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        // Unit tests: no server.
        .testTarget(
            name: "TelemetryCoreTests",
            dependencies: ["TelemetryCore", "Durations", "HTTP", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        // Against real parts: a throwaway PostgreSQL, loopback HTTP(S) servers, and the built
        // executable run as a subprocess, as an operator or a CronJob would.
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "devtron-telemetry", "TelemetryCore", "Postgres", "HTTP", "Durations", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
