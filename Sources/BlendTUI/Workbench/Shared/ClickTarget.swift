/// What a click on the workbench can land on. Views mark regions with `id` (or, for the
/// `Table` and `Heatmap` widgets, with `Prefix.rawValue`, which they extend by `:row` and
/// `:row,column`); input handlers read clicks back through `init?(region:)` only, so a view
/// and its handler cannot drift apart on a spelling.
public enum ClickTarget: Hashable, Sendable {
    /// A cell of the Thresholds heatmap, in the heatmap's shown rows and columns.
    case heatCell(row: Int, column: Int)
    /// A row of the Thresholds actor table.
    case thresholdsActor(Int)
    /// A row of the Clips table.
    case clip(Int)
    /// A row of the Clips actor list (0: every actor).
    case clipActor(Int)
    /// The video picture.
    case videoPicture
    /// A video thumbnail.
    case videoThumbnail(Int)
    /// A cell of the Confusion presence table (or a row of its cell list).
    case confusionCell(row: Int, column: Int)
    /// A format of the Confusion export chooser.
    case confusionFormat(Int)
    /// The name of a Fusion weight row.
    case fusionRow(Int)
    /// The bar of a Fusion weight row.
    case fusionBar(Int)
    /// A row of the Jobs list.
    case job(Int)
    /// A row of the source picker.
    case sourceChoice(Int)
    /// A row of a screen's own table, named within the screen: a new screen's tables need no
    /// case here (its `Table` takes `rowPrefix(screen, table)` as its `regionID`).
    case row(Screen, table: String, Int)

    /// The spelling before the first `:` of each target's region id.
    public enum Prefix: String, CaseIterable, Sendable {
        case heat, actor, clip, clipActor = "clip-actor", video
        case confusionCell = "confusion-cell", confusionFormat = "confusion-format"
        case fusionRow = "fusion-row", fusionBar = "fusion-bar", job
        case sourceChoice = "source"
        case row
    }

    /// The region prefix of `screen`'s table `table` (`row:compare.pairs`), which a `Table`
    /// extends by `:row`.
    public static func rowPrefix(_ screen: Screen, _ table: String) -> String {
        "\(Prefix.row.rawValue):\(screen.slug).\(table)"
    }

    /// The region id a view marks for this target.
    public var id: String {
        switch self {
        case .heatCell(let r, let c): "\(Prefix.heat.rawValue):\(r),\(c)"
        case .thresholdsActor(let row): "\(Prefix.actor.rawValue):\(row)"
        case .clip(let row): "\(Prefix.clip.rawValue):\(row)"
        case .clipActor(let row): "\(Prefix.clipActor.rawValue):\(row)"
        case .videoPicture: "\(Prefix.video.rawValue):picture"
        case .videoThumbnail(let i): "\(Prefix.video.rawValue):thumbnail:\(i)"
        case .confusionCell(let r, let c): "\(Prefix.confusionCell.rawValue):\(r),\(c)"
        case .confusionFormat(let i): "\(Prefix.confusionFormat.rawValue):\(i)"
        case .fusionRow(let row): "\(Prefix.fusionRow.rawValue):\(row)"
        case .fusionBar(let row): "\(Prefix.fusionBar.rawValue):\(row)"
        case .job(let row): "\(Prefix.job.rawValue):\(row)"
        case .sourceChoice(let row): "\(Prefix.sourceChoice.rawValue):\(row)"
        case .row(let screen, let table, let row): "\(Self.rowPrefix(screen, table)):\(row)"
        }
    }

    /// The target a region id names; nil for ids that are not the workbench's (tabs, the
    /// palette, table headers) or are malformed.
    public init?(region: String) {
        let parts = region.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Prefix(rawValue: String(parts[0])) else { return nil }
        let rest = parts[1]
        let pair = rest.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
        func one(_ make: (Int) -> ClickTarget) -> ClickTarget? { Int(rest).map(make) }
        let target: ClickTarget? = switch prefix {
        case .heat: pair.count == 2 ? .heatCell(row: pair[0], column: pair[1]) : nil
        case .confusionCell: pair.count == 2 ? .confusionCell(row: pair[0], column: pair[1]) : nil
        case .video:
            rest == "picture" ? .videoPicture
                : rest.hasPrefix("thumbnail:") ? Int(rest.dropFirst("thumbnail:".count)).map(ClickTarget.videoThumbnail) : nil
        case .actor: one(ClickTarget.thresholdsActor)
        case .clip: one(ClickTarget.clip)
        case .clipActor: one(ClickTarget.clipActor)
        case .confusionFormat: one(ClickTarget.confusionFormat)
        case .fusionRow: one(ClickTarget.fusionRow)
        case .fusionBar: one(ClickTarget.fusionBar)
        case .job: one(ClickTarget.job)
        case .sourceChoice: one(ClickTarget.sourceChoice)
        case .row: Self.screenRow(rest)
        }
        guard let target else { return nil }
        self = target
    }

    /// `<slug>.<table>:<row>` read back (the table's name may hold dots, not colons).
    private static func screenRow(_ rest: Substring) -> ClickTarget? {
        guard let colon = rest.lastIndex(of: ":"), let row = Int(rest[rest.index(after: colon)...]) else { return nil }
        let name = rest[..<colon]
        guard let dot = name.firstIndex(of: "."),
              let screen = Screen.allCases.first(where: { $0.slug == name[..<dot] }) else { return nil }
        let table = String(name[name.index(after: dot)...])
        return table.isEmpty ? nil : .row(screen, table: table, row)
    }
}
