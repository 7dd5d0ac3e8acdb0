import BlendCore
import Foundation

/// The sound drawn as terminal cells for a strip under the time line: the waveform (RMS
/// envelope as bars) and the spectrogram, each with the playhead and the first-2-s window
/// (what clip-level models often see first) marked. Pure: values in, cells out.
public enum AudioStrips {
    /// The window the encoders' first-2-s crops cover.
    public static let firstWindow = 2.0
    /// Levels below this many dBFS draw as nothing.
    public static let floorDecibels = -60.0

    static let early = RGB(230, 160, 40), late = RGB(120, 150, 190), playheadColour = RGB(255, 255, 255)

    /// `columns × rows` cells: each column the envelope's RMS over its share of the clip, as a
    /// bar from the bottom on a dBFS scale (`floorDecibels` … 0). Columns inside the first 2 s
    /// are amber, later ones blue-grey; the playhead's column (`playhead` seconds, if any) is a
    /// white `│` where its bar leaves room.
    public static func waveform(_ envelope: AudioEnvelope, duration: Double, columns: Int, rows: Int,
                                playhead: Double? = nil) -> CellGrid {
        precondition(columns > 0 && rows > 0, "a strip needs cells")
        let levels = envelope.resampled(to: columns)
        let head = playhead.map { column(of: $0, duration: duration, columns: columns) }
        var cells = [TerminalCell](repeating: TerminalCell(glyph: " ", foreground: .terminalDefault,
                                                            background: .terminalDefault), count: columns * rows)
        for x in 0..<columns {
            let level = x < levels.count ? levels[x] : 0
            let fraction = (decibels(level) - floorDecibels) / -floorDecibels
            let eighths = BlockBar.eighths(fraction, width: rows)
            let time = (Double(x) + 0.5) / Double(columns) * duration
            let colour: CellColor = x == head ? .rgb(playheadColour) : .rgb(time < firstWindow ? early : late)
            for y in 0..<rows {
                let fromBottom = rows - 1 - y
                let filled = min(8, max(0, eighths - 8 * fromBottom))
                let glyph: Unicode.Scalar
                if filled > 0 {
                    glyph = BlockBar.vertical[filled - 1].unicodeScalars.first ?? " "
                } else {
                    glyph = x == head ? "\u{2502}" : " "
                }
                cells[y * columns + x] = TerminalCell(glyph: glyph, foreground: colour, background: .terminalDefault)
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    /// `columns × rows` half-block cells: two frequency bands a cell (low at the bottom), each
    /// the spectrogram's level over the column's frames, coloured from dark blue to yellow on a
    /// dB scale relative to the loudest bin. The playhead's column is drawn brighter; a `▔`
    /// overline in the top row marks the first 2 s.
    public static func spectrogram(_ spectrogram: Spectrogram, duration: Double, columns: Int, rows: Int,
                                   playhead: Double? = nil) -> CellGrid {
        precondition(columns > 0 && rows > 0, "a strip needs cells")
        let bands = spectrogram.resampled(columns: columns, bands: 2 * rows)
        let loudest = bands.flatMap { $0 }.max() ?? 0
        let head = playhead.map { column(of: $0, duration: duration, columns: columns) }
        var cells: [TerminalCell] = []
        cells.reserveCapacity(columns * rows)
        for y in 0..<rows {
            for x in 0..<columns {
                // Band 0 is the lowest; the bottom row holds bands 0 (lower half) and 1 (upper).
                let upperBand = 2 * (rows - 1 - y) + 1, lowerBand = upperBand - 1
                let column = x < bands.count ? bands[x] : []
                func colour(_ band: Int) -> RGB {
                    let power = band < column.count ? column[band] : 0
                    let relative = loudest > 0 ? 10 * log10(max(power, 1e-12) / loudest) : floorDecibels
                    var rgb = heat((relative - floorDecibels) / -floorDecibels)
                    if x == head { rgb = RGB(min(255, rgb.red / 2 + 128), min(255, rgb.green / 2 + 128), min(255, rgb.blue / 2 + 128)) }
                    return rgb
                }
                cells.append(TerminalCell(glyph: "\u{2580}", foreground: .rgb(colour(upperBand)),
                                          background: .rgb(colour(lowerBand))))
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    /// The column a time falls in.
    static func column(of seconds: Double, duration: Double, columns: Int) -> Int {
        guard duration > 0 else { return 0 }
        return min(columns - 1, max(0, Int(seconds / duration * Double(columns))))
    }

    /// Full scale RMS as dBFS, the floor for silence.
    public static func decibels(_ rms: Double) -> Double {
        rms > 0 ? max(floorDecibels, 20 * log10(rms)) : floorDecibels
    }

    /// Dark blue → magenta → yellow for 0 … 1 (an inferno-like ramp that reads on dark and light
    /// backgrounds).
    static func heat(_ t: Double) -> RGB {
        let x = min(1, max(0, t.isFinite ? t : 0))
        let stops: [(Double, Double, Double)] = [(0, 0, 20), (80, 20, 110), (190, 50, 90), (250, 140, 20), (252, 250, 160)]
        let scaled = x * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(scaled)), f = scaled - Double(i)
        let a = stops[i], b = stops[i + 1]
        func mix(_ p: Double, _ q: Double) -> UInt8 { UInt8((p + (q - p) * f).rounded()) }
        return RGB(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
