import CFFmpeg

/// Packed RGB to planar 4:2:0 YCbCr (BT.601, limited range), the encoders' input.
///
/// swscale spends more time setting up and converting a 96×96 picture than the MPEG-4 encoder
/// spends compressing it, so the demo writer converts with this direct integer version.
enum RGBToYUV420 {
    /// Writes `image` (even width and height) into `frame`'s three planes.
    static func convert(_ image: RGBImage, into frame: UnsafeMutablePointer<AVFrame>) {
        guard let planes = bs_frame_mutable_planes(frame), let strides = bs_frame_strides(frame),
              let luma = planes[0], let blue = planes[1], let red = planes[2] else { return }
        let lumaStride = Int(strides[0]), blueStride = Int(strides[1]), redStride = Int(strides[2])
        let width = image.width
        image.pixels.withUnsafeBufferPointer { buffer in
            let rgb = buffer.baseAddress!
            @inline(__always) func lumaOf(_ i: Int) -> UInt8 {
                let weighted = 66 * Int(rgb[i]) + 129 * Int(rgb[i + 1]) + 25 * Int(rgb[i + 2])
                return UInt8(truncatingIfNeeded: ((weighted + 128) >> 8) + 16)
            }
            for y in stride(from: 0, to: image.height, by: 2) {
                let top = luma + y * lumaStride, bottom = top + lumaStride
                let cbRow = blue + (y / 2) * blueStride, crRow = red + (y / 2) * redStride
                for x in stride(from: 0, to: width, by: 2) {
                    let a = (y * width + x) * 3, b = a + 3, c = a + width * 3, d = c + 3
                    top[x] = lumaOf(a)
                    top[x + 1] = lumaOf(b)
                    bottom[x] = lumaOf(c)
                    bottom[x + 1] = lumaOf(d)
                    // Chroma from the block's mean colour (sums of four, hence >> 10, not >> 8).
                    let r = Int(rgb[a]) + Int(rgb[b]) + Int(rgb[c]) + Int(rgb[d])
                    let g = Int(rgb[a + 1]) + Int(rgb[b + 1]) + Int(rgb[c + 1]) + Int(rgb[d + 1])
                    let bl = Int(rgb[a + 2]) + Int(rgb[b + 2]) + Int(rgb[c + 2]) + Int(rgb[d + 2])
                    let cb = -38 * r - 74 * g + 112 * bl
                    let cr = 112 * r - 94 * g - 18 * bl
                    cbRow[x / 2] = UInt8(clamping: ((cb + 512) >> 10) + 128)
                    crRow[x / 2] = UInt8(clamping: ((cr + 512) >> 10) + 128)
                }
            }
        }
    }
}
