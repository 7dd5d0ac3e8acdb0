import BlendCore

/// Where the Confusion screen's panes go for a terminal size. Narrow terminals (80 columns)
/// get three-column cells headed by initials (`a`, `ah`) and the side tables in a
/// 21-column strip; wide ones (≥ 150) get six-column cells with two-line headers (`ang` over
/// `+hap`) and the largest confusions. Tall terminals list the selected cell's clips under the
/// table; side tables add columns as their panes widen.
struct ConfusionLayout {
    let body: Rect

    /// The narrowest body that gets the wide form.
    static let wideMinimumWidth = 150
    /// The longest label-set name (`disg+fea`).
    static let labelWidth = LabelSet.all.map { $0.description.count }.max() ?? 8

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    var wide: Bool { body.width >= ConfusionLayout.wideMinimumWidth }
    var cellWidth: Int { wide ? 6 : 3 }
    var headerRows: Int { wide ? 2 : 1 }
    /// Row labels, a space, then the cells.
    var gridWidth: Int { ConfusionLayout.labelWidth + 1 + LabelSet.all.count * cellWidth }

    private var columns: [Rect] {
        body.split(.horizontal, [.fixed(gridWidth + (wide ? 4 : 2)), .fill(1)])
    }

    /// The height the presence pane needs for every row, the header and the legend.
    private var presenceHeight: Int { headerRows + LabelSet.all.count + 4 }

    /// The presence pane over the selected cell's clips, when the body is tall enough for both.
    private var left: [Rect] {
        guard body.height >= presenceHeight + 5 else { return [columns[0], Rect(x: body.x, y: body.maxY, width: 0, height: 0)] }
        return columns[0].split(.vertical, [.fixed(presenceHeight), .fill(1)])
    }

    var presence: Rect { left[0] }
    /// The selected cell's clips, under the presence pane (empty on short terminals).
    var cellClips: Rect { left[1] }
    /// Inside the presence pane's border (and a column of padding when wide).
    var presenceInner: Rect { presence.inset(Edges(horizontal: wide ? 2 : 1, vertical: 1)) }
    /// The rows of the grid that fit: the header and two lines of legend stay.
    var visibleGridRows: Int { max(1, min(LabelSet.all.count, presenceInner.height - headerRows - 2)) }

    /// The first grid row drawn so that `selected` is in view.
    func firstGridRow(selected: Int) -> Int {
        max(0, min(selected - visibleGridRows + 1, LabelSet.all.count - visibleGridRows))
    }

    /// The side strip: hidden when a narrow terminal leaves it less than 18 columns.
    private var side: Rect { columns[1].width >= 18 ? columns[1] : Rect(x: columns[1].x, y: body.y, width: 0, height: 0) }

    /// Wide: scope, salience, emotions top down; narrow: salience, emotions, scope.
    private var sidePanes: [Rect] {
        wide ? side.split(.vertical, [.fixed(7), .fixed(7), .fixed(9), .fill(1)])
            : side.split(.vertical, [.fixed(6), .fixed(9), .fill(1)]) + [Rect(x: side.x, y: side.maxY, width: 0, height: 0)]
    }

    /// The scope, its clip count and the metrics over it.
    var scope: Rect { wide ? sidePanes[0] : sidePanes[2] }
    var salience: Rect { wide ? sidePanes[1] : sidePanes[0] }
    var emotions: Rect { wide ? sidePanes[2] : sidePanes[1] }
    /// Wide only: the largest off-diagonal cells.
    var confusions: Rect { sidePanes[3] }
}
