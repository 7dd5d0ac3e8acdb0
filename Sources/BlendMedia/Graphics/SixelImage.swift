import CSixel

/// Sixel bytes of a frame, through Debian's libsixel (opened on first use).
public enum SixelImage {
    /// The picture as one sixel image with a palette of `colors` chosen for it.
    ///
    /// - Throws: `MediaError` `.missingLibrary` without libsixel (the message names the package).
    public static func encode(_ image: RGBImage, colors: Int = 256, route: GraphicsRoute = .direct) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        let failure = image.pixels.withUnsafeBufferPointer { pixels in
            bs_sixel_encode(pixels.baseAddress, Int32(image.width), Int32(image.height),
                            Int32(max(2, min(256, colors))), &out, &length)
        }
        if let failure { throw SixelImage.error(failure) }
        guard let out else { throw MediaError(file: "libsixel", kind: .encodeFailed, "no sixel output") }
        defer { bs_sixel_free(out) }
        return route.wrap(Array(UnsafeBufferPointer(start: out, count: length)))
    }

    /// What a terminal would draw from `bytes`: libsixel's own decoder (for tests).
    public static func decode(_ bytes: [UInt8]) throws -> RGBImage {
        var rgb: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        let failure = bytes.withUnsafeBufferPointer { data in
            bs_sixel_decode(data.baseAddress, data.count, &rgb, &width, &height)
        }
        if let failure { throw SixelImage.error(failure) }
        guard let rgb, width > 0, height > 0 else {
            throw MediaError(file: "libsixel", kind: .decodeFailed, "the sixel data holds no picture")
        }
        defer { bs_sixel_free(rgb) }
        let count = Int(width) * Int(height) * 3
        return RGBImage(width: Int(width), height: Int(height), pixels: Array(UnsafeBufferPointer(start: rgb, count: count)))
    }

    private static func error(_ message: UnsafePointer<CChar>) -> MediaError {
        let text = String(cString: message)
        let missing = text.contains("not found") || text.contains("cannot be loaded") || text.contains(" has no ")
        return MediaError(file: "libsixel", kind: missing ? .missingLibrary : .encodeFailed, text)
    }
}
