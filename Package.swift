// swift-tools-version: 6.0
import PackageDescription

// Layers only look down: BlendCore (pure maths) ← BlendStore (SQLite) ← BlendEngine (OpenBLAS)
// ← BlendMedia (FFmpeg) ← BlendApp (the use cases both front ends call) ← BlendTUI (ncurses)
// ← blendscope (the CLI). See docs/ARCHITECTURE.md.

// The demo's pictures and voices (BlendDemo) and their encoding (BlendMedia's RGB→YUV, the
// frame scaler) are per-pixel and per-sample Swift loops: unoptimised, a debug build spends
// 30+ minutes writing the demo's 3,055 clips on two cores, most of it in unspecialised generic
// code of the standard library. Optimised even in a debug build, so that `make test` can build
// the README's demo with its videos (ReadmeExamplesTests) and the TUI tests decode as a user's
// build does. Only these two modules: the rest stays debuggable.
var optimisedInDebug: [SwiftSetting] { [.unsafeFlags(["-O"], .when(configuration: .debug))] }

let package = Package(
    name: "blendscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "blendscope", targets: ["blendscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each.
        // How OpenBLAS and cairo are opened on first use, and what a machine without them is told.
        .target(name: "CSharedLibrary"),
        .systemLibrary(name: "CNcursesW", providers: [.apt(["libncurses-dev"])]),
        // OpenBLAS is opened on first use too (libopenblas-dev's headers to build): linked, its
        // start-up cost every process 2.5 ms of CPU and 3 MB (figures in COpenBLAS's shim.h).
        .target(name: "COpenBLAS", dependencies: ["CSharedLibrary"]),
        // FFmpeg is not linked: its ~150 dependent libraries cost every process ~35 ms to load,
        // so CFFmpeg opens it with dlopen on the first media call (a C target: the table of
        // function pointers needs one definition, which a system-library module cannot hold).
        // FFmpeg's headers (libavformat-dev, libavcodec-dev, libswscale-dev, libavutil-dev) are
        // still needed to build; they live in the default include path on Debian.
        .target(name: "CFFmpeg"),
        // cairo is not linked either: it brings ~33 shared libraries (fontconfig, freetype,
        // pixman, X11 …); CCairo opens it on the first figure (libcairo2-dev's headers to build).
        .target(name: "CCairo", dependencies: ["CSharedLibrary"]),
        // libsixel is opened on the first sixel frame (libsixel-dev's header to build).
        .target(name: "CSixel", dependencies: ["CSharedLibrary"]),
        // FFTW (single precision) is opened on the first spectrogram (libfftw3-dev's header to build).
        .target(name: "CFFTW", dependencies: ["CSharedLibrary"]),
        // ALSA is opened on the first sound played (libasound2-dev's headers to build).
        .target(name: "CALSA", dependencies: ["CSharedLibrary"]),

        .target(name: "BlendCore"),
        // The regular-file check every reader of a user's file shares (stat only; see InputFile.swift).
        .target(name: "BlendFiles"),
        // Reports: typed tables built from BlendCore's results and their one rendering to text,
        // JSON, CSV, Markdown and LaTeX (pure: no files, no store).
        .target(name: "BlendReport", dependencies: ["BlendCore"]),
        .target(
            name: "BlendStore",
            dependencies: [
                "BlendCore", "BlendFiles", "BlendReport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(name: "BlendEngine", dependencies: ["BlendCore", "BlendStore", "COpenBLAS"]),
        .target(name: "BlendMedia", dependencies: ["BlendCore", "BlendFiles", "CFFmpeg", "CSixel", "CFFTW", "CALSA"],
                swiftSettings: optimisedInDebug),
        // One project session per process and the use cases on it; the front ends call these
        // instead of the store and the engine.
        .target(
            name: "BlendApp",
            dependencies: [
                "BlendCore", "BlendReport", "BlendStore", "BlendEngine", "BlendMedia", "BlendFigures",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Figures for a paper: a pure figure model from BlendCore's results and its cairo
        // rendering to PDF, SVG and PNG.
        .target(name: "BlendFigures", dependencies: ["BlendCore", "CCairo"]),
        .target(
            name: "BlendTUI",
            dependencies: [
                "BlendCore", "BlendReport", "BlendMedia", "BlendApp", "CNcursesW",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        // Not the product: the seeded demo project (`blendscope demo`) and the benchmarks
        // (`blendscope bench`), kept out of the product modules so that they hold the product only.
        .target(name: "BlendDemo", dependencies: ["BlendCore", "BlendStore", "BlendMedia", "BlendApp"],
                swiftSettings: optimisedInDebug),
        .target(
            name: "BlendBench",
            dependencies: ["BlendCore", "BlendStore", "BlendEngine", "BlendMedia", "BlendApp", "BlendTUI", "BlendDemo"]),
        .executableTarget(
            name: "blendscope",
            dependencies: [
                // Never BlendStore or BlendEngine: the verbs go through BlendApp.
                "BlendCore", "BlendReport", "BlendMedia", "BlendApp", "BlendTUI", "BlendDemo", "BlendBench", "BlendFigures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Worked examples more than one test target checks (test code, never in the product).
        .target(name: "BlendTestSupport", dependencies: ["BlendCore"], path: "Tests/BlendTestSupport"),
        .testTarget(name: "BlendCoreTests", dependencies: ["BlendCore", "BlendTestSupport"]),
        .testTarget(name: "BlendReportTests", dependencies: ["BlendReport", "BlendCore"]),
        .testTarget(name: "BlendStoreTests", dependencies: ["BlendStore", "BlendReport", "BlendFiles", "BlendTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "BlendEngineTests", dependencies: ["BlendEngine"]),
        .testTarget(name: "BlendMediaTests", dependencies: ["BlendMedia", "BlendCore", "BlendTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "BlendAppTests",
            dependencies: ["BlendApp", "BlendCore", "BlendFigures", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "BlendTUITests", dependencies: ["BlendTUI", "BlendReport", "BlendStore", "BlendDemo"]),
        .testTarget(name: "BlendFiguresTests", dependencies: ["BlendFigures", "BlendCore"]),
        .testTarget(name: "BlendDemoTests", dependencies: ["BlendDemo"]),
        .testTarget(name: "BlendBenchTests", dependencies: ["BlendBench"]),
        .testTarget(name: "blendscopeTests", dependencies: ["blendscope", "BlendStore", "BlendFigures", "BlendTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
