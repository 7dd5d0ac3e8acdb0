/// A list of clips by name as a Clips filter, handed over by another screen (the Compare
/// screen's flips): the clips stay listed whatever α/β does, since the list was made at the
/// thresholds its title names.
public struct ClipList: Hashable, Sendable {
    /// What the list is, as the filter line shows it (`HiCMAE ✓ · VideoMAE ✗ · A12`).
    public var title: String
    public var names: Set<String>

    public init(title: String, names: Set<String>) {
        self.title = title
        self.names = names
    }
}
