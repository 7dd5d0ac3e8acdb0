import BlendCore

/// One clip of the demo dataset: what the analysis knows of it, plus the take number that the
/// challenge's metadata carries (`..._ver2` is a second take of the same condition).
public struct DemoClip: Hashable, Sendable {
    public let info: ClipInfo
    public let version: Int

    public init(info: ClipInfo, version: Int) {
        precondition(version >= 1, "takes are numbered from 1")
        self.info = info
        self.version = version
    }

    public var name: String { info.name }
}
