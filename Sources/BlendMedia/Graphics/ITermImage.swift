import Foundation

/// iTerm2's inline image (https://iterm2.com/documentation-images.html):
/// `ESC ] 1337 ; File=inline=1;size=N;width=C;height=R;preserveAspectRatio=0 : base64 BEL`,
/// the picture as a PNG scaled by the terminal into `C × R` cells.
public enum ITermImage {
    public static func inline(_ image: RGBImage, columns: Int, rows: Int,
                              route: GraphicsRoute = .direct) -> [UInt8] {
        let png = PNGEncoder.encode(image)
        // The layout already kept the aspect; the terminal fills the cells exactly.
        var out = Array("\u{1B}]1337;File=inline=1;size=\(png.count);width=\(columns);height=\(rows);preserveAspectRatio=0:".utf8)
        out += Array(Data(png).base64EncodedString().utf8)
        out.append(0x07)
        return route.wrap(out)
    }
}
