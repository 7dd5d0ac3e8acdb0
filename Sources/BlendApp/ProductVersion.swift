import BlendStore

/// What `blendscope --version` says: the release and the project-format version it writes, so
/// a bug report names both (a project from a newer format is refused by an older build).
public enum ProductVersion {
    public static let release = "0.1.0"
    public static var projectFormat: Int { ProjectStore.formatVersion }
    public static var text: String { "\(release) (project format \(projectFormat))" }
}
