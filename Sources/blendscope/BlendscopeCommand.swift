import ArgumentParser
import BlendApp

struct BlendscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blendscope",
        abstract: "A terminal workbench for error analysis of blended-emotion recognition (BLEMORE).",
        discussion: HelpText.reflow("""
            `blendscope PROJECT` opens the project. Every verb prints text for people and, with
            --json, one JSON document for scripts. Bad input names the file, the line and the
            problem, exits non-zero and leaves the project as it was.
            """),
        version: ProductVersion.text,
        subcommands: [
            OpenCommand.self,
            ImportCommand.self,
            EvalCommand.self,
            SweepCommand.self,
            UseCommand.self,
            FoldsCommand.self,
            ActorsCommand.self,
            CompareCommand.self,
            DurationsCommand.self,
            ConfusionCommand.self,
            ReviewCommand.self,
            NoteCommand.self,
            NotesCommand.self,
            ExportCommand.self,
            FigureCommand.self,
            ReportCommand.self,
            MediaCommand.self,
            DemoCommand.self,
            BenchCommand.self,
            FuseCommand.self,
            WeightsCommand.self,
            JobsCommand.self,
            CancelCommand.self,
            TrainCommand.self,
            RunsCommand.self,
        ],
        defaultSubcommand: OpenCommand.self)
}
