import BlendCore

/// The published per-encoder results (`Data/reference/paper_encoders.csv`), compiled in so
/// the binary needs no data folder; a test keeps this copy equal to the file.
public struct PaperEncoder: Hashable, Sendable {
    public let name: String
    public let modality: String
    public let accPresence: Double
    public let accSalience: Double
    public let score: Double

    /// The paper's encoder that a project encoder named `encoder` stands for: the row an alias
    /// names; else the same name ignoring case and punctuation; else the longest
    /// paper name that starts it (`hicmae_ce` → HiCMAE); else the one paper name it starts
    /// (`VideoMAE-body` → VideoMAE (body ft)); nil when none does.
    public static func matching(_ encoder: String) -> PaperEncoder? {
        let key = normalized(aliases[encoder] ?? encoder)
        if let exact = all.first(where: { normalized($0.name) == key }) { return exact }
        if let prefix = all.filter({ let n = normalized($0.name); return !n.isEmpty && key.hasPrefix(n) })
            .max(by: { normalized($0.name).count < normalized($1.name).count }) {
            return prefix
        }
        let extensions = all.filter { !key.isEmpty && normalized($0.name).hasPrefix(key) }
        return extensions.count == 1 ? extensions[0] : nil
    }

    /// Encoder names the rules of `matching` cannot place: the demo's short name for the paper's
    /// frozen Wav2Vec2 head (every other demo name finds its row by those rules; a test checks).
    static let aliases = ["Wav2Vec2-L6-12": "Wav2Vec2 frozen L6-12 + MLP-1024"]

    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Every row of the file, in its order.
    public static let all: [PaperEncoder] = csv.split(separator: "\n").dropFirst().compactMap { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 8, let p = Double(fields[3]), let s = Double(fields[5]), let score = Double(fields[7]) else { return nil }
        return PaperEncoder(name: fields[0], modality: fields[1], accPresence: p, accSalience: s, score: score)
    }

    /// The file's text, byte for byte.
    static let csv = """
        encoder,modality,source,acc_presence,acc_presence_sd,acc_salience,acc_salience_sd,score,weight_9enc,weight_12enc
        S4D-ViTMoE (face),V,adapted,0.340,0.024,0.140,0.018,0.240,0.094,0.117
        Gemini Embedding 2.0 (2 s),AV,adapted,0.320,0.033,0.137,0.009,0.223,,0.192
        VideoMAE (body ft),V,adapted,0.291,0.016,0.144,0.026,0.218,,0.110
        Wav2Vec2 frozen L6-12 + MLP-1024,A,adapted,0.294,0.025,0.120,0.018,0.207,0.170,0.111
        TimeSformer (body ft),V,adapted,0.259,0.031,0.131,0.015,0.195,,0.090
        Wav2Vec2 frozen L6-12 + MLP-512,A,adapted,0.264,0.031,0.104,0.016,0.184,,
        Wav2Vec2 fine-tuned end to end,A,adapted,0.234,0.026,0.088,0.020,0.161,,
        HiCMAE,AV,baseline,0.298,0.025,0.180,0.036,0.239,0.261,0.103
        ImageBind,V,baseline,0.290,0.028,0.130,0.008,0.210,0.050,0.079
        WavLM,A,baseline,0.265,0.027,0.121,0.012,0.193,0.156,0.124
        VideoMAEv2,V,baseline,0.273,0.025,0.106,0.014,0.190,,
        CLIP,V,baseline,,,,,,0.071,
        DINOv2,V,baseline,,,,,,0.041,
        DINOv3,V,baseline,,,,,,0.092,0.042
        VideoSwin,V,baseline,,,,,,0.064,0.032
        """ + "\n"
}
