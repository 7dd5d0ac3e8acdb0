/// The Clips screen's notes, tags and extra filters, with their default keys (the table's
/// movement, kind, right/wrong, sort and search keys are in `WorkbenchCommands`).
public enum ClipsCommands {
    public static let addNote: CommandID = "clips.add-note"
    public static let editNote: CommandID = "clips.edit-note"
    public static let addTag: CommandID = "clips.add-tag"
    public static let removeTag: CommandID = "clips.remove-tag"
    public static let split: CommandID = "clips.split"
    public static let fold: CommandID = "clips.fold"
    public static let emotion: CommandID = "clips.emotion"
    public static let tag: CommandID = "clips.tag"
    public static let clearFilters: CommandID = "clips.clear-filters"
    public static let back: CommandID = "clips.back"

    public static var all: [Command<AppState>] {
        [
            Command(addNote, "Add a note to the selected clip", scope: .screen(.clips), keys: ["n"], hint: "note"),
            Command(editNote, "Edit the selected clip's latest note (empty text deletes it)", scope: .screen(.clips),
                    keys: ["N"]),
            Command(addTag, "Tag the selected clip (Tab completes)", scope: .screen(.clips), keys: ["t"], hint: "tag"),
            Command(removeTag, "Remove a tag from the selected clip", scope: .screen(.clips), keys: ["T"]),
            Command(split, "Clips: show train + test / train / test", scope: .screen(.clips), keys: ["s"]),
            Command(fold, "Clips: show every fold / fold 0 … 4", scope: .screen(.clips), keys: ["F"]),
            Command(emotion, "Clips: show labels with any emotion / with ang … neu", scope: .screen(.clips), keys: ["e"]),
            Command(tag, "Clips: show every clip / clips with a tag (cycles the project's tags)", scope: .screen(.clips),
                    keys: ["#"]),
            Command(clearFilters, "Clips: clear every filter and the search", scope: .screen(.clips), keys: ["c"]),
            Command(back, "Clips: back from the full video view, else drop the confusion-cell filter",
                    scope: .screen(.clips), keys: ["esc"]),
        ]
    }
}
