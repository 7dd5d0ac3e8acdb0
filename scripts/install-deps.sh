#!/usr/bin/env bash
# Installs the Debian packages blendscope builds against, only those that are missing,
# so a ready machine pays nothing. Waits on a busy dpkg lock rather than failing.
set -euo pipefail

packages=(
  libncurses-dev libopenblas-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev ffmpeg
  libsqlite3-dev zlib1g-dev pkg-config tmux
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}"
