import BlendCore

extension DemoEncoderSpec {
    /// The twelve encoders of the reference system (Chapariniya et al. 2026, Table I), in the
    /// order of the published table.
    ///
    /// How the knobs were tuned: with every `DemoWorld` parameter fixed and seed 2026, a
    /// throwaway search set `presenceGain` and `salienceSkill` per encoder: a grid (gain
    /// 1.8–3.2 by 0.1, skill 0–1 by 0.1), then four rounds of local refinement, minimising
    /// the larger of |ΔACC_P| and |ΔACC_S| against the targets, both measured at the encoder's
    /// own best thresholds on the official 20×20 grid over the training split. Each encoder
    /// draws from its own random stream, so tuning one never moved another. CLIP, DINOv2,
    /// DINOv3 and VideoSwin have no published accuracy; their targets are plausible
    /// baseline-level ones below every adapted encoder (Score 0.18–0.19).
    public static let reference: [DemoEncoderSpec] = [
        // name, reference name, modality, origin, view, features, gain, salience skill, ACC_P, ACC_S, published
        row("S4D-ViTMoE", "S4D-ViTMoE (face)", .video, .adapted, .face, 128, 2.731, 0.319, 0.340, 0.140, true),
        row("Gemini-Embedding-2.0", "Gemini Embedding 2.0 (2 s)", .audioVisual, .adapted, .audioVisual, 256, 2.594, 0.575, 0.320, 0.137, true),
        row("VideoMAE-body", "VideoMAE (body ft)", .video, .adapted, .body, 128, 2.506, 0.894, 0.291, 0.144, true),
        row("Wav2Vec2-L6-12", "Wav2Vec2 frozen L6-12 + MLP-1024", .audio, .adapted, .voice, 384, 2.400, 0.394, 0.294, 0.120, true),
        row("TimeSformer-body", "TimeSformer (body ft)", .video, .adapted, .body, 128, 2.250, 0.650, 0.259, 0.131, true),
        row("HiCMAE", "HiCMAE", .audioVisual, .baseline, .audioVisual, 192, 2.794, 1.000, 0.298, 0.180, true),
        row("ImageBind", "ImageBind", .video, .baseline, .frames, 128, 2.393, 0.069, 0.290, 0.130, true),
        row("WavLM", "WavLM", .audio, .baseline, .voice, 192, 2.188, 0.188, 0.265, 0.121, true),
        row("CLIP", "CLIP", .video, .baseline, .frames, 128, 2.331, 0.388, 0.262, 0.112, false),
        row("DINOv2", "DINOv2", .video, .baseline, .frames, 128, 2.212, 0.238, 0.250, 0.106, false),
        row("DINOv3", "DINOv3", .video, .baseline, .frames, 128, 2.388, 0.400, 0.270, 0.115, false),
        row("VideoSwin", "VideoSwin", .video, .baseline, .body, 128, 2.112, 0.025, 0.255, 0.110, false),
    ]

    private static func row(_ name: String, _ referenceName: String, _ modality: Modality, _ origin: Origin,
                            _ view: View, _ featureDimension: Int, _ presenceGain: Double, _ salienceSkill: Double,
                            _ accP: Double, _ accS: Double, _ published: Bool) -> DemoEncoderSpec {
        DemoEncoderSpec(name: name, referenceName: referenceName, modality: modality, origin: origin, view: view,
                        featureDimension: featureDimension, presenceGain: presenceGain,
                        salienceSkill: salienceSkill, targetPresence: accP, targetSalience: accS, targetIsPublished: published)
    }
}
