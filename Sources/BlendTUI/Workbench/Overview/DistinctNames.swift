/// Names cut to a column's width so that different names stay different: the middle goes,
/// the start and the end stay (`hicmae-kl`, `hicmae-ce` → `hic…kl`, `hic…ce`), where cutting
/// the end would make two encoders read the same (`hicma…`).
enum DistinctNames {
    static func fit(_ names: [String], width: Int) -> [String] {
        guard width > 0 else { return names.map { _ in "" } }
        guard names.contains(where: { DisplayWidth.of($0) > width }) else { return names }
        let room = width - 1
        // The balanced cut first, then ever more of the end kept (suffixes tell variants apart).
        for tail in Array(stride(from: room / 2, through: room, by: 1)) + Array(stride(from: room / 2 - 1, through: 0, by: -1)) {
            let cut = names.map { elide($0, width: width, tail: tail) }
            if Set(cut).count == Set(names).count { return cut }
        }
        return names.map { elide($0, width: width, tail: room / 2) }
    }

    /// `name` as is when it fits, else its first `width − 1 − tail` and last `tail` characters
    /// around `…`.
    static func elide(_ name: String, width: Int, tail: Int) -> String {
        guard DisplayWidth.of(name) > width else { return name }
        let characters = Array(name), head = max(0, width - 1 - tail)
        guard width > 1 else { return String(TextFit.ellipsis) }
        return String(characters.prefix(head)) + String(TextFit.ellipsis) + String(characters.suffix(width - 1 - head))
    }
}
