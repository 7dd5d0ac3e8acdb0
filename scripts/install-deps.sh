#!/usr/bin/env bash
# Installs the Debian packages blendscope builds against, only those that are missing,
# so a ready machine pays nothing. Waits on a busy dpkg lock rather than failing.
set -euo pipefail

packages=(
  libncurses-dev libopenblas-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev ffmpeg
  libsqlite3-dev zlib1g-dev pkg-config tmux
  libcairo2-dev
  # headless chromium: the test that renders `blendscope report` in a browser.
  chromium
  # pdflatex, booktabs and longtable: the test that compiles every LaTeX export.
  texlive-latex-base texlive-latex-recommended
  # sound and pixels: audio decode, sixel, the spectrogram's FFT, ALSA playback.
  libswresample-dev libsixel-dev libfftw3-dev libasound2-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

# numpy for scripts/uncertainty_reference.py, which `make test` checks blendscope's intervals
# against (the test skips without it). pip's --user install; Debian's externally managed
# Python needs --break-system-packages for that, which touches only the user's site-packages.
if ! python3 -c "import numpy" >/dev/null 2>&1; then
  echo "install-deps: installing numpy (pip, --user)"
  python3 -m pip install --user --quiet numpy 2>/dev/null \
    || python3 -m pip install --user --quiet --break-system-packages numpy
fi
