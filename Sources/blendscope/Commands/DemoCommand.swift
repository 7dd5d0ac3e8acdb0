import ArgumentParser
import BlendDemo
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the bundled demo project: 3,055 BLEMORE-shaped clips, 596 unlabelled test clips, 58 actors, 12 encoders, videos.",
        discussion: HelpText.reflow("""
            blendscope demo demo/demo.sqlite
            The seeded generator writes the challenge's own file formats into demo/demo.files/
            (metadata CSVs, a probabilities CSV and a features .npz per encoder, and a short .mov
            per clip in videos/) and imports them through the same importers users use. The same
            seed gives the same project everywhere. challenge/ holds the test split anonymised as
            the real test set is (test_0001.mov …: names only, each encoder's probabilities with
            the test rows renamed, submission_template.json, hidden_test_labels.csv), for the
            path from the test set's files to a submission. The demo project holds that copy as
            596 unlabelled test clips (with their originals' probabilities, features and videos)
            beside its labelled test clips, so it shows the path and can export the submission.
            An existing project, or an existing NAME.files/ folder that an earlier demo did not
            write, is refused and left alone.
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    @Flag(help: "Skip writing and linking the demo videos (faster).")
    var noVideos = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let built = try DemoProject.buildAll(project: target.project, seed: seed, videos: !noVideos)
        if output.json { return try Output.json(built) }
        let summary = built.demo
        Output.line("\(summary.project): \(summary.clips) clips (train \(summary.train), test \(summary.test)), "
                    + "\(summary.unlabelled) unlabelled test clips, \(summary.actors) actors, \(summary.encoders.count) encoders"
                    + (built.videos.map { ", \($0.linked) videos" } ?? "") + "; files in \(summary.files)/")
    }
}
