import BlendFiles
import Foundation

extension ProjectStore {
    /// Imports features from any supported file, chosen by extension: `.npz` (arrays `X` and
    /// `filenames`), `.npy` with a names file, or `.csv` (`filename` + numeric columns).
    ///
    /// - Throws: `InputError` on bad input, leaving the project as it was.
    @discardableResult
    public func importFeatures(from url: URL, names: URL?, encoder: String, modality: Modality = .unknown,
                               replace: Bool = false) throws -> FeaturesImportSummary {
        // Before the extension is looked at: `/dev/zero` is a device, not "a file without an extension".
        try InputFile.checkRegular(url)
        if let names { try InputFile.checkRegular(names) }
        if url.pathExtension.lowercased() == "csv" {
            if let names {
                throw InputError(file: names.relativePath, "a names file goes with a .npy matrix; a CSV names its rows itself")
            }
            return try importFeaturesCSV(from: url, encoder: encoder, modality: modality, replace: replace)
        }
        let matrix = try FeatureFileReader.read(url: url, names: names)
        return try storeFeatures(matrix, sourceFile: url.relativePath, encoder: encoder, modality: modality, replace: replace)
    }
}
