/// Reads a clip's stream description without decoding pictures.
public enum VideoProbe {
    /// Container, codec, size, rotation, duration, frame rate and frame count of `path`'s video
    /// stream. Throws `MediaError` for a missing, non-video or truncated file; a codec this build
    /// cannot decode still probes (decoding it throws `.unsupportedCodec`).
    public static func info(path: String) throws -> VideoInfo {
        try MediaInput(path: path).info
    }
}
