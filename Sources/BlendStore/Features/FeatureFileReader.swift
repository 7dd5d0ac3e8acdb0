import Foundation

/// The one way in for pre-extracted features: picks the reader by file extension and returns a
/// checked `FeatureMatrix` (used by `blendscope import PROJECT --features F --encoder NAME`).
///
/// - `.npz`: arrays `X` (N × D, float32 or float64) and `filenames` (N strings), as
///   `np.savez(path, X=X, filenames=np.array(names))` or `np.savez_compressed` write them.
/// - `.npy`: an N × D float matrix, with a names file: one name per line, or an `.npy` of strings.
public enum FeatureFileReader {
    /// Extensions `read(url:names:)` accepts, lowercase, without the dot.
    public static let supportedExtensions = ["npz", "npy"]

    /// Reads a feature file.
    /// - Parameters:
    ///   - url: the `.npz` or `.npy` file.
    ///   - names: the row names for a plain `.npy`; must be nil for an `.npz`, which carries them.
    /// - Throws: `InputError` naming the file (and the row, for a bad value or name) for anything
    ///   unreadable, inconsistent or unsupported. Values are checked: a NaN or infinity is an error.
    public static func read(url: URL, names: URL? = nil) throws -> FeatureMatrix {
        let file = url.relativePath
        switch url.pathExtension.lowercased() {
        case "npz":
            if let names {
                throw InputError(
                    file: names.relativePath,
                    "a names file goes with a plain .npy; \(url.lastPathComponent) carries its names in 'filenames'")
            }
            return try readArchive(url: url, file: file)
        case "npy":
            guard let names else {
                throw InputError(
                    file: file,
                    "a plain .npy holds no clip names; give a names file (one name per line, or an .npy of strings)")
            }
            let matrix = try NPYReader.read(contentsOf: url)
            let rowNames = try FeatureNames.read(url: names)
            return try FeatureMatrix(
                validating: matrix, names: rowNames, file: file, arrayName: "the array", namesSource: names.lastPathComponent)
        default:
            let found = url.pathExtension.isEmpty ? "a file without an extension" : "'.\(url.pathExtension)'"
            throw InputError(
                file: file,
                "cannot read features from \(found); give an .npz (arrays X and filenames) or an .npy with a names file")
        }
    }

    private static func readArchive(url: URL, file: String) throws -> FeatureMatrix {
        let archive = try NPZArchive(url: url)
        let holds = archive.arrayNames.isEmpty
            ? "it holds no arrays" : "it holds " + archive.arrayNames.map { "'\($0)'" }.joined(separator: ", ")
        guard let matrix = try archive.array(named: "X") else {
            throw InputError(file: file, "no array 'X' (the N × D features); \(holds)")
        }
        guard let namesArray = try archive.array(named: "filenames") else {
            throw InputError(file: file, "no array 'filenames' (the N clip names); \(holds)")
        }
        let names = try FeatureNames.fromArray(namesArray, file: file, arrayName: "filenames")
        return try FeatureMatrix(validating: matrix, names: names, file: file, arrayName: "X", namesSource: "filenames")
    }
}
