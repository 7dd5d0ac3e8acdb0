import BlendMedia

/// The video preview's part of the workbench reducer. The preview follows the selected clip
/// where it can change — `clipsFollowUp` (every selection change on the Clips screen), leaving
/// the screen (`screenEntered`), `terminalResized`, the full view's toggle and a clip opening —
/// decodes off the UI thread through keyed effects, and drops frames that arrive for a clip no
/// longer selected.
extension ClipsReducer {
    /// Keeps the preview on the Clips screen's selected clip and its box: a new clip shows its
    /// cached first frame or asks for it (stopping playback); a new box (resize, full view)
    /// asks again for the frame on screen. Leaving the Clips screen stops playback.
    static func followClipVideo(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        let effects = followClipFrame(&clips, context)
        return effects + followThumbnails(&clips, context)
    }

    /// Asks for the full view's strip when it shows a clip whose thumbnails are not there yet.
    private static func followThumbnails(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        let layout = ClipVideoLayout(context.app, fullView: clips.video.fullView)
        guard context.app.screen == .clips, layout.thumbnailCount > 0, clips.video.status == .ready,
              let clip = clips.video.clip, let link = context.project?.videos[clip] else { return [] }
        let request = ClipThumbnailRequest(clip: clip, box: layout.thumbnailBox(colorless: clips.video.colorless),
                                           count: layout.thumbnailCount)
        guard clips.video.thumbnailsFor != request else { return [] }
        clips.video.thumbnailsFor = request
        clips.video.thumbnails = []
        return [ClipVideoDecoding.thumbnails(request, path: link.path, duration: clips.video.info?.duration ?? link.duration)]
    }

    private static func followClipFrame(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.app.screen == .clips, let project = context.project,
              let selected = clips.selected, let name = project.clip(selected)?.name else {
            guard clips.video.playing else { return [] }
            clips.video.playing = false
            return [.cancel(EffectKey.clipVideo)]
        }
        let text = ClipPaneText.of(clips, project: project, app: context.app)
        let box = ClipVideoLayout(context.app, fullView: clips.video.fullView, text: text).box(clips.video)
        if name != clips.video.clip { return showClip(&clips, name, box: box, context) }
        guard clips.video.status == .ready || clips.video.status == .loading, clips.video.box != box,
              let link = project.videos[name] else { return [] }
        clips.video.box = box
        if clips.video.playing, !box.isTooSmall {
            return [ClipVideoDecoding.play(clip: name, path: link.path, from: clips.video.position, box: box,
                                           muted: clips.video.muted)]
        }
        clips.video.playing = false
        if clips.video.position == 0, let hit = clips.video.cache.lookUp(name, box: box) {
            clips.video.frame = hit.frame
            return [.cancel(EffectKey.clipVideo)]
        }
        return [ClipVideoDecoding.open(clip: name, path: link.path, at: clips.video.position, box: box)]
    }

    private static func showClip(_ clips: inout ClipsState, _ name: String, box: ClipVideoBox, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        clips.video.clip = name
        clips.video.playing = false
        clips.video.position = 0
        clips.video.frame = nil
        clips.video.info = nil
        clips.video.audio = nil
        clips.video.audioFor = nil
        clips.video.box = box
        guard let link = context.project?.videos[name] else {
            clips.video.status = .noVideo
            return [.cancel(EffectKey.clipVideo), .cancel(EffectKey.screen(.clips, "audio"))]
        }
        // The strips' sound decodes beside the picture (its own key).
        let sound = ClipSound.strips(clip: name, path: link.path)
        if let hit = clips.video.cache.lookUp(name, box: box) {
            clips.video.status = .ready
            clips.video.info = hit.info
            clips.video.frame = hit.frame
            return [.cancel(EffectKey.clipVideo), sound]
        }
        clips.video.status = .loading
        return [ClipVideoDecoding.open(clip: name, path: link.path, at: 0, box: box), sound]
    }

    /// Applies a decoder's report; anything for a clip that is no longer shown is dropped.
    static func updateClipVideo(_ clips: inout ClipsState, _ action: ClipVideoAction, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        switch action {
        case .opened(let clip, let info, let frame, let box):
            guard clip == clips.video.clip, box == clips.video.box else { return [] }
            clips.video.status = .ready
            clips.video.info = info
            clips.video.frame = frame
            if let frame { clips.video.position = frame.time }
            if frame == nil || clips.video.position == 0 || frame?.time == 0 {
                clips.video.cache.store(ClipFrameCache.Entry(info: info, frame: frame), for: clip, box: box)
            }
            // Ready: the full view's strip can be asked for now.
            return followThumbnails(&clips, context)
        case .played(let frame):
            guard frame.clip == clips.video.clip, clips.video.playing else { return [] }
            clips.video.frame = frame
            clips.video.position = frame.time
        case .ended(let clip):
            guard clip == clips.video.clip else { return [] }
            clips.video.playing = false
        case .seek(let seconds):
            return show(&clips, at: seconds, context)
        case .thumbnails(let request, let frames):
            guard request == clips.video.thumbnailsFor else { return [] }
            clips.video.thumbnails = frames
        case .failed(let clip, let message):
            guard clip == clips.video.clip else { return [] }
            clips.video.status = .failed(message)
            clips.video.playing = false
            clips.video.frame = nil
        case .audio(let clip, let audio):
            guard clip == clips.video.clip else { return [] }
            clips.video.audio = audio
            clips.video.audioFor = clip
        case .soundUnavailable(let reason):
            // Said once: later plays keep the first reason.
            if clips.video.soundNote == nil { clips.video.soundNote = reason }
        }
        return []
    }

    /// Runs a video command; nil when `id` is not one.
    static func runClipVideo(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        switch id {
        case ClipVideoCommands.playPause:
            return playPause(&clips, context)
        case ClipVideoCommands.stepBack:
            return ScreenUpdate(effects: stepFrame(&clips, by: -1, context))
        case ClipVideoCommands.stepForward:
            return ScreenUpdate(effects: stepFrame(&clips, by: 1, context))
        case ClipVideoCommands.fullView:
            clips.video.fullView.toggle()
            // The picture's box and the thumbnail strip change with the view.
            return ScreenUpdate(effects: followClipVideo(&clips, context))
        case ClipVideoCommands.waveform:
            clips.video.showWaveform.toggle()
            // The strips take rows from the picture: its box changes.
            return ScreenUpdate(effects: followClipVideo(&clips, context))
        case ClipVideoCommands.spectrogram:
            clips.video.showSpectrogram.toggle()
            return ScreenUpdate(effects: followClipVideo(&clips, context))
        case ClipVideoCommands.mute:
            clips.video.muted.toggle()
            guard clips.video.playing, let video = openVideo(clips, context) else { return .nothing }
            // The sound restarts where the picture is, with the new setting.
            return ScreenUpdate(effects: [ClipVideoDecoding.play(clip: video.clip, path: video.path, from: clips.video.position,
                                                                 box: video.box, muted: clips.video.muted)])
        case ClipVideoCommands.openInPlayer:
            guard let clip = clips.video.clip, let link = context.project?.videos[clip] else {
                return .toast("no video linked to open", .warning)
            }
            guard let player = ExternalPlayer.find() else {
                return .toast(ExternalPlayer.missingAdvice(), .warning)
            }
            clips.video.playing = false
            var update = ScreenUpdate.toast("opening \(clip) in \(player.name)", .info)
            update.effects = [.cancel(EffectKey.clipVideo), player.open(link.path)]
            return update
        default:
            return nil
        }
    }

    private static func openVideo(_ clips: ClipsState, _ context: ScreenContext) -> (clip: String, path: String, info: VideoInfo, box: ClipVideoBox)? {
        guard clips.video.status == .ready, let clip = clips.video.clip, let info = clips.video.info,
              let box = clips.video.box, let link = context.project?.videos[clip] else { return nil }
        return (clip, link.path, info, box)
    }

    private static func playPause(_ clips: inout ClipsState, _ context: ScreenContext) -> ScreenUpdate {
        guard let video = openVideo(clips, context) else { return .nothing }
        if clips.video.playing {
            clips.video.playing = false
            return ScreenUpdate(effects: [.cancel(EffectKey.clipVideo)])
        }
        guard !video.box.isTooSmall else {
            return .toast("no room for the picture here: v shows the full view", .warning)
        }
        // At the end, play starts over.
        if clips.video.position + clips.video.frameInterval >= video.info.duration { clips.video.position = 0 }
        clips.video.playing = true
        return ScreenUpdate(effects: [ClipVideoDecoding.play(clip: video.clip, path: video.path, from: clips.video.position,
                                                             box: video.box, muted: clips.video.muted)])
    }

    /// Pauses and moves one frame; the frame arrives as `.opened`.
    private static func stepFrame(_ clips: inout ClipsState, by frames: Int, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        show(&clips, at: clips.video.position + Double(frames) * clips.video.frameInterval, context)
    }

    /// Pauses and asks for the frame at `seconds` (kept within the clip).
    private static func show(_ clips: inout ClipsState, at seconds: Double, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let video = openVideo(clips, context) else { return [] }
        clips.video.playing = false
        let last = max(0, video.info.duration - clips.video.frameInterval)
        let target = min(last, max(0, seconds))
        clips.video.position = target
        return [ClipVideoDecoding.open(clip: video.clip, path: video.path, at: target, box: video.box)]
    }

    /// A click on the picture plays or pauses; a click on a thumbnail shows its frame.
    static func clipVideoMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard case .press(.left) = mouse.action, let region else { return nil }
        switch ClickTarget(region: region) {
        case .videoPicture: return .app(.run(ClipVideoCommands.playPause))
        case .videoThumbnail(let i) where i < state.clips.video.thumbnails.count:
            return .clipVideo(.seek(state.clips.video.thumbnails[i].time))
        default: return nil
        }
    }
}
