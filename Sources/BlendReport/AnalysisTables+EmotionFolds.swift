import BlendCore

/// One training fold's presence scores per emotion (in class order), as `emotion-folds` reads them.
public struct FoldPresence: Sendable, Hashable {
    public let fold: Int
    public let scores: [PresenceScore]

    public init(fold: Int, scores: [PresenceScore]) {
        self.fold = fold
        self.scores = scores
    }
}

extension AnalysisTables {
    /// Presence F1 per emotion in each training fold, and its spread (largest minus smallest):
    /// an emotion whose F1 swings between folds is one the folds' actors express differently.
    public static func emotionFolds(_ folds: [FoldPresence], source: String, scope: String,
                                    thresholds t: Thresholds) -> ExportTable {
        let columns = [ExportColumn("emotion", nil, .text)]
            + folds.map { ExportColumn("f1_fold_\($0.fold)", "F1 f\($0.fold)", .rate) }
            + [ExportColumn("spread", "spread", .rate)]
        let rows = Emotion.allCases.map { emotion -> [ExportValue] in
            let f1 = folds.map { fold in fold.scores.first { $0.emotion == emotion }?.f1 ?? 0 }
            let spread = (f1.max() ?? 0) - (f1.min() ?? 0)
            return [.text(emotion.code)] + f1.map { .number($0) } + [.number(spread)]
        }
        return ExportTable(name: "emotion-folds",
                           title: "Presence F1 per emotion and fold of \(source) (\(scope), \(at(t)))",
                           columns: columns, rows: rows)
    }
}
