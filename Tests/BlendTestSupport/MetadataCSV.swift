/// The metadata CSV as the challenge ships it, for the tests that write their own rows under it
/// (the store's importer and the CLI's `import --metadata`).
public enum MetadataCSV {
    /// The header line, with its newline.
    public static let header = "filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold\n"
}
