import ArgumentParser
import BlendApp
import BlendCore
import Foundation

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Tag a clip or leave a note on it; remove tags and notes.",
        discussion: HelpText.reflow("""
            blendscope note demo.sqlite A229_mix_ang_fea_70_30_ver1 --tag suspect-label --text "brows read as fear"
            blendscope note demo.sqlite A229_mix_ang_fea_70_30_ver1 --remove-tag suspect-label --delete-note 3
            Notes and tags are kept in the project with their time. Prints the clip's notes and
            tags afterwards (`blendscope notes` lists them all).
            """))

    @OptionGroup var target: ProjectOptions

    @Argument(help: "The clip, by name (with or without .mov).")
    var clip: String

    @Option(help: "Put this tag on the clip (repeatable).")
    var tag: [String] = []

    @Option(help: "Leave a note with this text.")
    var text: String?

    @Option(help: "Take this tag off the clip (repeatable).")
    var removeTag: [String] = []

    @Option(help: "Delete the clip's note with this id (repeatable; ids are listed by `notes`).")
    var deleteNote: [Int64] = []

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if tag.isEmpty && text == nil && removeTag.isEmpty && deleteNote.isEmpty {
            throw ValidationError("give --tag, --text, --remove-tag or --delete-note")
        }
        // The character rule (TextRules) as a usage error, before the project is opened.
        let texts = [("clip name", clip)] + tag.map { ("--tag", $0) } + removeTag.map { ("--remove-tag", $0) }
        do {
            for (subject, value) in texts { try TextRules.check(value, as: subject) }
            if let text { try TextRules.check(text, as: "--text", lineFeeds: true) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    struct Report: Encodable {
        let clip: String
        let annotations: [ClipAnnotation]
    }

    func run() throws {
        // Everything is checked before anything changes, so a bad request changes nothing.
        let (stem, annotations) = try target.session().annotate(
            clip: clip, ClipEdits(addTags: tag, removeTags: removeTag, deleteNotes: deleteNote, note: text))
        let report = Report(clip: stem, annotations: annotations)
        if output.json { return try Output.json(report) }
        NotesCommand.print(report.annotations, emptyMessage: "\(stem) has no notes or tags")
    }
}

struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List notes and tags on clips.",
        discussion: HelpText.reflow("""
            blendscope notes demo.sqlite
            blendscope notes demo.sqlite --tag suspect-label --json
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "Only this clip.")
    var clip: String?

    @Option(help: "Only clips with this tag.")
    var tag: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        do {
            if let clip { try TextRules.check(clip, as: "--clip") }
            if let tag { try TextRules.check(tag, as: "--tag") }
        } catch {
            throw ValidationError(error.description)
        }
    }

    struct Report: Encodable {
        let clips: Int
        let annotations: [ClipAnnotation]
    }

    func run() throws {
        let annotations = try target.session().annotations(clip: clip, tag: tag)
        if output.json { return try Output.json(Report(clips: Set(annotations.map(\.clip)).count, annotations: annotations)) }
        Self.print(annotations, emptyMessage: "no notes or tags" + (tag.map { " (tag \($0))" } ?? ""))
    }

    /// One line per note or tag.
    static func print(_ annotations: [ClipAnnotation], emptyMessage: String) {
        guard !annotations.isEmpty else { return Output.line(emptyMessage) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let rows = annotations.map { a in
            [a.clip, formatter.string(from: a.created), a.noteID.map { "note \($0)" } ?? "tag",
             a.kind == .tag ? "#\(a.text)" : a.text]
        }
        Output.line(Output.table(["clip", "when (UTC)", "kind", "text"], rows))
    }
}
