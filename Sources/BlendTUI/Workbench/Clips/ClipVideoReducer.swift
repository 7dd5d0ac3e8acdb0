import BlendMedia

/// The video preview's part of the workbench reducer. The preview follows the selected clip
/// where it can change — `clipsFollowUp` (every selection change on the Clips screen), leaving
/// the screen (`screenEntered`), `terminalResized`, the full view's toggle and a clip opening —
/// decodes off the UI thread through keyed effects, and drops frames that arrive for a clip no
/// longer selected.
extension WorkbenchProgram {
    /// Keeps the preview on the Clips screen's selected clip and its box: a new clip shows its
    /// cached first frame or asks for it (stopping playback); a new box (resize, full view)
    /// asks again for the frame on screen. Leaving the Clips screen stops playback.
    func followClipVideo(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        let effects = followClipFrame(&state)
        return effects + followThumbnails(&state)
    }

    /// Asks for the full view's strip when it shows a clip whose thumbnails are not there yet.
    private func followThumbnails(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        let layout = ClipVideoLayout(state.app, fullView: state.clips.video.fullView)
        guard state.app.screen == .clips, layout.thumbnailCount > 0, state.clips.video.status == .ready,
              let clip = state.clips.video.clip, let link = state.project?.videos[clip] else { return [] }
        let request = ClipThumbnailRequest(clip: clip, box: layout.thumbnailBox(colorless: state.clips.video.colorless),
                                           count: layout.thumbnailCount)
        guard state.clips.video.thumbnailsFor != request else { return [] }
        state.clips.video.thumbnailsFor = request
        state.clips.video.thumbnails = []
        return [ClipVideoDecoding.thumbnails(request, path: link.path, duration: state.clips.video.info?.duration ?? link.duration)]
    }

    private func followClipFrame(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard state.app.screen == .clips, let project = state.project,
              let selected = state.clips.selected, let name = project.clip(selected)?.name else {
            guard state.clips.video.playing else { return [] }
            state.clips.video.playing = false
            return [.cancel(EffectKey.clipVideo)]
        }
        let box = ClipVideoLayout(state.app, fullView: state.clips.video.fullView).box(colorless: state.clips.video.colorless)
        if name != state.clips.video.clip { return showClip(&state, name, box: box) }
        guard state.clips.video.status == .ready || state.clips.video.status == .loading, state.clips.video.box != box,
              let link = project.videos[name] else { return [] }
        state.clips.video.box = box
        if state.clips.video.playing, !box.isTooSmall {
            return [ClipVideoDecoding.play(clip: name, path: link.path, from: state.clips.video.position, box: box)]
        }
        state.clips.video.playing = false
        if state.clips.video.position == 0, let hit = state.clips.video.cache.lookUp(name, box: box) {
            state.clips.video.frame = hit.frame
            return [.cancel(EffectKey.clipVideo)]
        }
        return [ClipVideoDecoding.open(clip: name, path: link.path, at: state.clips.video.position, box: box)]
    }

    private func showClip(_ state: inout WorkbenchState, _ name: String, box: ClipVideoBox) -> [Effect<WorkbenchAction>] {
        state.clips.video.clip = name
        state.clips.video.playing = false
        state.clips.video.position = 0
        state.clips.video.frame = nil
        state.clips.video.info = nil
        state.clips.video.box = box
        guard let link = state.project?.videos[name] else {
            state.clips.video.status = .noVideo
            return [.cancel(EffectKey.clipVideo)]
        }
        if let hit = state.clips.video.cache.lookUp(name, box: box) {
            state.clips.video.status = .ready
            state.clips.video.info = hit.info
            state.clips.video.frame = hit.frame
            return [.cancel(EffectKey.clipVideo)]
        }
        state.clips.video.status = .loading
        return [ClipVideoDecoding.open(clip: name, path: link.path, at: 0, box: box)]
    }

    /// Applies a decoder's report; anything for a clip that is no longer shown is dropped.
    func updateClipVideo(_ state: inout WorkbenchState, _ action: ClipVideoAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .opened(let clip, let info, let frame, let box):
            guard clip == state.clips.video.clip, box == state.clips.video.box else { return [] }
            state.clips.video.status = .ready
            state.clips.video.info = info
            state.clips.video.frame = frame
            if let frame { state.clips.video.position = frame.time }
            if frame == nil || state.clips.video.position == 0 || frame?.time == 0 {
                state.clips.video.cache.store(ClipFrameCache.Entry(info: info, frame: frame), for: clip, box: box)
            }
            // Ready: the full view's strip can be asked for now.
            return followThumbnails(&state)
        case .played(let frame):
            guard frame.clip == state.clips.video.clip, state.clips.video.playing else { return [] }
            state.clips.video.frame = frame
            state.clips.video.position = frame.time
        case .ended(let clip):
            guard clip == state.clips.video.clip else { return [] }
            state.clips.video.playing = false
        case .seek(let seconds):
            return show(&state, at: seconds)
        case .thumbnails(let request, let frames):
            guard request == state.clips.video.thumbnailsFor else { return [] }
            state.clips.video.thumbnails = frames
        case .failed(let clip, let message):
            guard clip == state.clips.video.clip else { return [] }
            state.clips.video.status = .failed(message)
            state.clips.video.playing = false
            state.clips.video.frame = nil
        }
        return []
    }

    /// Runs a video command; nil when `id` is not one.
    func runClipVideo(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        switch id {
        case ClipVideoCommands.playPause:
            return playPause(&state)
        case ClipVideoCommands.stepBack:
            return stepFrame(&state, by: -1)
        case ClipVideoCommands.stepForward:
            return stepFrame(&state, by: 1)
        case ClipVideoCommands.fullView:
            state.clips.video.fullView.toggle()
            // The picture's box and the thumbnail strip change with the view.
            return followClipVideo(&state)
        default:
            return nil
        }
    }

    private func openVideo(_ state: WorkbenchState) -> (clip: String, path: String, info: VideoInfo, box: ClipVideoBox)? {
        guard state.clips.video.status == .ready, let clip = state.clips.video.clip, let info = state.clips.video.info,
              let box = state.clips.video.box, let link = state.project?.videos[clip] else { return nil }
        return (clip, link.path, info, box)
    }

    private func playPause(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let video = openVideo(state) else { return [] }
        if state.clips.video.playing {
            state.clips.video.playing = false
            return [.cancel(EffectKey.clipVideo)]
        }
        guard !video.box.isTooSmall else {
            return update(&state, .app(.showToast("no room for the picture here: v shows the full view", .warning)))
        }
        // At the end, play starts over.
        if state.clips.video.position + state.clips.video.frameInterval >= video.info.duration { state.clips.video.position = 0 }
        state.clips.video.playing = true
        return [ClipVideoDecoding.play(clip: video.clip, path: video.path, from: state.clips.video.position, box: video.box)]
    }

    /// Pauses and moves one frame; the frame arrives as `.opened`.
    private func stepFrame(_ state: inout WorkbenchState, by frames: Int) -> [Effect<WorkbenchAction>] {
        show(&state, at: state.clips.video.position + Double(frames) * state.clips.video.frameInterval)
    }

    /// Pauses and asks for the frame at `seconds` (kept within the clip).
    private func show(_ state: inout WorkbenchState, at seconds: Double) -> [Effect<WorkbenchAction>] {
        guard let video = openVideo(state) else { return [] }
        state.clips.video.playing = false
        let last = max(0, video.info.duration - state.clips.video.frameInterval)
        let target = min(last, max(0, seconds))
        state.clips.video.position = target
        return [ClipVideoDecoding.open(clip: video.clip, path: video.path, at: target, box: video.box)]
    }

    /// A click on the picture plays or pauses; a click on a thumbnail shows its frame.
    func clipVideoMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard case .press(.left) = mouse.action, let region else { return nil }
        switch ClickTarget(region: region) {
        case .videoPicture: return .app(.run(ClipVideoCommands.playPause))
        case .videoThumbnail(let i) where i < state.clips.video.thumbnails.count:
            return .clipVideo(.seek(state.clips.video.thumbnails[i].time))
        default: return nil
        }
    }
}
