import ArgumentParser
import BlendApp
import BlendCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import metadata, an encoder's probabilities or its features into a project.",
        discussion: HelpText.reflow("""
            blendscope import demo.sqlite --metadata train_metadata.csv --metadata test_metadata.csv
            blendscope import demo.sqlite --probs probs_face.csv --encoder face
            blendscope import demo.sqlite --features wav2vec2.npz --encoder wav2vec2
            blendscope import demo.sqlite --videos clips/
            blendscope import p.sqlite --metadata test_metadata.csv   (test_0001.mov … unlabelled)
            blendscope import p.sqlite --probs test_probs.csv --encoder face --unlabelled
            blendscope import p.sqlite --videos test_clips/ --unlabelled
            Unlabelled test clips are named test_ and digits (test_0001.mov); a metadata file may
            list just their filename. --unlabelled lets --probs and --videos add such clips the
            project lacks.
            Metadata creates the project if it does not exist. Each file is checked whole before
            anything is written; on bad input nothing changes.
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "A metadata CSV as the challenge ships it (repeat for train and test).")
    var metadata: [String] = []

    @Option(help: "The split of the metadata rows; by default train rows have a fold 0–4, test rows none or -1.")
    var split: Split?

    @Option(help: "A probabilities CSV: filename, ang, disg, fea, hap, sad, neu.")
    var probs: String?

    @Option(help: "Features: .npz (X, filenames), .npy with --names, or CSV (filename + columns).")
    var features: String?

    @Option(help: "Clip names for a plain .npy feature matrix: one per line, or a .npy of strings.")
    var names: String?

    @Option(help: "A folder of clip videos (.mov, .mp4, .avi, .mkv) named after the clips.")
    var videos: String?

    @Option(help: "The encoder the probabilities or features belong to.")
    var encoder: String?

    @Option(help: "The encoder's modality: A, V, AV or T.")
    var modality: String?

    @Flag(help: "Divide each probability row by its sum instead of refusing rows that do not sum to 1.")
    var normalize = false

    @Flag(help: "Replace the encoder's existing probabilities or features.")
    var replace = false

    @Flag(help: "With --probs or --videos: add unlabelled test clips (test_0001.mov …) the project lacks.")
    var unlabelled = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        let kinds = [!metadata.isEmpty, probs != nil, features != nil, videos != nil].filter { $0 }.count
        guard kinds == 1 else { throw ValidationError("give one of --metadata, --probs, --features or --videos") }
        if (probs != nil || features != nil) && encoder == nil {
            throw ValidationError("--probs and --features need --encoder NAME")
        }
        if names != nil && features == nil { throw ValidationError("--names goes with --features") }
        if unlabelled && probs == nil && videos == nil { throw ValidationError("--unlabelled goes with --probs or --videos") }
        if let encoder {
            do { try TextRules.check(encoder, as: "--encoder") } catch { throw ValidationError(error.description) }
        }
        if let modality, Modality(parsing: modality) == nil {
            throw ValidationError("--modality must be A, V, AV or T, got '\(modality)'")
        }
    }

    func run() throws {
        let modality = self.modality.flatMap(Modality.init(parsing:)) ?? .unknown
        if !metadata.isEmpty {
            let summaries = try ProjectSession.importMetadata(path: target.project, files: metadata, split: split)
            if output.json { return try Output.json(summaries) }
            for s in summaries {
                var parts: [String] = []
                if s.train > 0 { parts.append("train \(s.train) in folds \(s.folds.map(String.init).joined(separator: "/"))") }
                if s.test > 0 { parts.append("test \(s.test)" + (s.unlabelled > 0 ? " (\(s.unlabelled) unlabelled)" : "")) }
                Output.line("\(s.file): \(s.rows) rows, \(s.added) new clips (\(s.unchanged) unchanged); "
                            + parts.joined(separator: ", ") + "; \(s.actors) actors")
            }
        } else if let probs, let encoder {
            let s = try target.session().importProbabilities(file: probs, encoder: encoder, modality: modality,
                                                             normalize: normalize, replace: replace, unlabelled: unlabelled)
            if output.json { return try Output.json(s) }
            Output.line("\(s.file): \(s.rows) predictions for encoder \(s.encoder) (train \(s.train), test \(s.test))"
                        + (s.created > 0 ? "; added \(s.created) unlabelled test clips" : "")
                        + (s.missing > 0 ? "; \(s.missing) project clips have none" : "")
                        + (s.replaced > 0 ? "; replaced \(s.replaced)" : "")
                        + (s.normalized ? "; rows normalised" : ""))
        } else if let videos {
            let scan = try target.session().linkVideos(directory: videos, unlabelled: unlabelled)
            let s = scan.summary
            if output.json {
                return try Output.json(VideoImport(summary: s, unreadable: scan.unreadable.map(\.description)))
            }
            Output.line("\(videos): linked \(s.linked) clips to videos"
                        + (s.created > 0 ? " (\(s.created) new unlabelled test clips)" : "") + "; \(s.clipsWithoutVideo.count) clips without a video, "
                        + "\(s.videosWithoutClip.count) videos naming no clip, \(scan.unreadable.count) unreadable")
            for (title, names) in [("clips without a video", s.clipsWithoutVideo), ("videos naming no clip", s.videosWithoutClip),
                                   ("unreadable", scan.unreadable.map(\.description))] where !names.isEmpty {
                Output.line("  \(title): " + names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", … (\(names.count))" : ""))
            }
        } else if let features, let encoder {
            let s = try target.session().importFeatures(file: features, names: names, encoder: encoder, modality: modality,
                                                        replace: replace)
            if output.json { return try Output.json(s) }
            Output.line("\(s.file): \(s.rows) × \(s.dimension) features for encoder \(s.encoder) (train \(s.train), test \(s.test))"
                        + (s.replaced > 0 ? "; replaced \(s.replaced)" : ""))
        }
    }
}

struct VideoImport: Encodable {
    let summary: VideoLinkSummary
    let unreadable: [String]
}
