import Foundation

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

    /// Foundation's base64, then the chunks laid into one buffer sized in advance: a 1600×900
    /// frame is 5.8 MB of base64 in ~1,400 chunks, and building an array (and a string) per
    /// chunk took longer than decoding the frame (issue 17 wants the first frame in 40 ms).
    static func chunked(keys: String, payload: [UInt8], route: GraphicsRoute) -> [UInt8] {
        let encoded = Data(payload).base64EncodedData()
        let chunkCount = max(1, (encoded.count + chunkCharacters - 1) / chunkCharacters)
        let firstKeys = Array("\u{1B}_G\(keys),m=".utf8), laterKeys = Array("\u{1B}_Gm=".utf8)
        var out: [UInt8] = []
        // Per chunk: the opening and keys, the m flag and `;`, its base64, `ESC \` (and tmux's wrapping).
        out.reserveCapacity(encoded.count + firstKeys.count + chunkCount * (laterKeys.count + 4 + (route == .tmux ? 16 : 0)))
        for chunk in 0..<chunkCount {
            let begin = out.count
            out += chunk == 0 ? firstKeys : laterKeys
            out.append(chunk == chunkCount - 1 ? UInt8(ascii: "0") : UInt8(ascii: "1"))
            out.append(UInt8(ascii: ";"))
            let start = encoded.startIndex + chunk * chunkCharacters
            out += encoded[start..<min(start + chunkCharacters, encoded.endIndex)]
            out += [0x1B, 0x5C]
            if route == .tmux {
                let wrapped = route.wrap(Array(out[begin...]))
                out.removeSubrange(begin...)
                out += wrapped
            }
        }
        return out
    }
}
