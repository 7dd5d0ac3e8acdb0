/// kitty's graphics protocol as bytes (https://sw.kovidgoyal.net/kitty/graphics-protocol/):
/// `ESC _ G keys ; base64 payload ESC \`, the payload split into chunks of at most 4,096 base64
/// characters (`m=1` on every chunk but the last).
///
/// Pure: a frame in, bytes out. The caller puts the cursor where the image's top-left cell goes.
public enum KittyGraphics {
    /// Base64 characters per chunk, the protocol's limit.
    static let chunkCharacters = 4096

    /// Where and how the image is placed.
    public struct Placement: Sendable, Equatable {
        /// The image id (1 … 2³²−1). Sending another frame with the same id and placement id
        /// replaces the picture in place: playback transmits once a frame and never piles up
        /// placements.
        public var imageID: UInt32
        public var placementID: UInt32
        /// Cells the image is scaled into.
        public var columns: Int
        public var rows: Int
        /// Leave the cursor where it was (`C=1`), as a full-screen program wants; otherwise it
        /// moves past the image, as a printed frame wants.
        public var keepCursor: Bool
        /// Stacking order (`z`); negative draws under the text.
        public var zIndex: Int

        public init(imageID: UInt32 = 1, placementID: UInt32 = 1, columns: Int, rows: Int,
                    keepCursor: Bool = false, zIndex: Int = 0) {
            self.imageID = imageID
            self.placementID = placementID
            self.columns = columns
            self.rows = rows
            self.keepCursor = keepCursor
            self.zIndex = zIndex
        }
    }

    /// Transmit and place in one go (`a=T`), raw 24-bit RGB (`f=24`), quietly (`q=2`: no replies
    /// to read back). Through tmux each chunk is wrapped on its own.
    public static func transmitAndPlace(_ image: RGBImage, _ placement: Placement,
                                        route: GraphicsRoute = .direct) -> [UInt8] {
        var keys = "a=T,f=24,s=\(image.width),v=\(image.height),i=\(placement.imageID),p=\(placement.placementID)"
        keys += ",c=\(placement.columns),r=\(placement.rows),q=2"
        if placement.keepCursor { keys += ",C=1" }
        if placement.zIndex != 0 { keys += ",z=\(placement.zIndex)" }
        return chunked(keys: keys, payload: image.pixels, route: route)
    }

    /// Deletes the placement and frees the image's data (`a=d,d=I`).
    public static func delete(imageID: UInt32, route: GraphicsRoute = .direct) -> [UInt8] {
        route.wrap(Array("\u{1B}_Ga=d,d=I,i=\(imageID),q=2\u{1B}\\".utf8))
    }

    /// Deletes every image on the screen (`a=d,d=A`), for quitting and screen changes.
    public static func deleteAll(route: GraphicsRoute = .direct) -> [UInt8] {
        route.wrap(Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8))
    }

    /// The query detection sends: a 1×1 image kitty answers `OK` to and deletes at once
    /// (`a=q`), which other terminals ignore.
    public static let query = "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"

    /// The payload's base64 is written straight into one buffer sized in advance: a 1600×900
    /// frame is 5.8 MB of base64 in ~1,400 chunks, and Foundation's encoder plus an array per
    /// chunk took longer than decoding the frame (issue 17 wants the first frame in 40 ms).
    static func chunked(keys: String, payload: [UInt8], route: GraphicsRoute) -> [UInt8] {
        // 4,096 base64 characters carry exactly 3,072 bytes, so chunks never split a group.
        let bytesPerChunk = chunkCharacters / 4 * 3
        let chunkCount = max(1, (payload.count + bytesPerChunk - 1) / bytesPerChunk)
        let firstKeys = Array("\u{1B}_G\(keys),m=".utf8), laterKeys = Array("\u{1B}_Gm=".utf8)
        // Per chunk: the opening and keys, the m flag and `;`, its base64, `ESC \`.
        let capacity = (payload.count + 2) / 3 * 4 + firstKeys.count + chunkCount * (laterKeys.count + 4)
        var ends: [Int] = []
        if route == .tmux { ends.reserveCapacity(chunkCount) }
        let direct = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let out = buffer.baseAddress else { return }
            var at = 0
            payload.withUnsafeBufferPointer { source in
                base64Alphabet.withUnsafeBufferPointer { alphabet in
                    guard let table = alphabet.baseAddress else { return }
                    for chunk in 0..<chunkCount {
                        let keys = chunk == 0 ? firstKeys : laterKeys
                        for byte in keys {
                            out[at] = byte
                            at += 1
                        }
                        out[at] = chunk == chunkCount - 1 ? UInt8(ascii: "0") : UInt8(ascii: "1")
                        out[at + 1] = UInt8(ascii: ";")
                        at += 2
                        let start = chunk * bytesPerChunk, end = min(start + bytesPerChunk, source.count)
                        if start < end, let bytes = source.baseAddress {
                            at += encodeBase64(bytes + start, count: end - start, into: out + at, table: table)
                        }
                        out[at] = 0x1B
                        out[at + 1] = 0x5C
                        at += 2
                        if route == .tmux { ends.append(at) }
                    }
                }
            }
            initialized = at
        }
        guard route == .tmux else { return direct }
        var out: [UInt8] = []
        out.reserveCapacity(direct.count + chunkCount * 16)
        var start = 0
        for end in ends {
            out += route.wrap(Array(direct[start..<end]))
            start = end
        }
        return out
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with `=` padding of `count` bytes; returns the characters written.
    private static func encodeBase64(_ bytes: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>,
                                     table: UnsafePointer<UInt8>) -> Int {
        var i = 0, o = 0
        while i + 3 <= count {
            let group = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out[o] = table[Int(group >> 18)]
            out[o + 1] = table[Int(group >> 12 & 0x3F)]
            out[o + 2] = table[Int(group >> 6 & 0x3F)]
            out[o + 3] = table[Int(group & 0x3F)]
            i += 3
            o += 4
        }
        let left = count - i
        if left > 0 {
            let group = UInt32(bytes[i]) << 16 | (left == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out[o] = table[Int(group >> 18)]
            out[o + 1] = table[Int(group >> 12 & 0x3F)]
            out[o + 2] = left == 2 ? table[Int(group >> 6 & 0x3F)] : UInt8(ascii: "=")
            out[o + 3] = UInt8(ascii: "=")
            o += 4
        }
        return o
    }
}
