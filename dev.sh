#!/usr/bin/env bash
# Handover's one convenience script.
#   bash dev.sh demo    install what is missing, build, open the wizard against two simulated servers
#   bash dev.sh test    install what is missing, build (warnings are errors), run every test headless
#   bash dev.sh bench   install what is missing, build Release, run the benchmark programs (they print figures)
# Environment: BUILD_DIR (default build), BUILD_TYPE (Debug; bench uses Release), JOBS (default nproc),
#              HANDOVER_QPA=xcb to run the tests under Xvfb instead of the offscreen platform.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-}
case "$mode" in
  demo|test|bench) ;;
  *) echo "usage: bash dev.sh demo|test|bench" >&2; exit 2 ;;
esac

# libqt6opengl6-dev: Qt6Charts' CMake package needs Qt6OpenGL's, which qt6-base-dev only recommends.
packages=(cmake ninja-build g++ qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-httpserver-dev
          qt6-websockets-dev qtkeychain-qt6-dev qt6-translations-l10n libsecret-1-0 gnome-keyring dbus
          libssl-dev zlib1g-dev libsimdjson-dev tinyproxy nghttp2-server fonts-dejavu-core poppler-utils
          libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev)
[ "$mode" = bench ] && packages+=(curl ripgrep)
[ "${HANDOVER_QPA:-offscreen}" = xcb ] && packages+=(xvfb xauth)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "dev.sh: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir=${BUILD_DIR:-build}
build_type=${BUILD_TYPE:-Debug}
[ "$mode" = bench ] && build_dir=${BUILD_DIR:-build-release} && build_type=${BUILD_TYPE:-Release}
jobs=${JOBS:-$(nproc)}
werror=OFF
[ "$mode" = test ] && werror=ON

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DHANDOVER_WERROR="$werror" \
      -DHANDOVER_TEST_QPA="${HANDOVER_QPA:-offscreen}" >/dev/null
cmake --build "$build_dir" --parallel "$jobs"

case "$mode" in
  demo)
    exec "$build_dir/bin/handover" --demo
    ;;
  bench)
    for b in "$build_dir"/bin/bench-*; do
      echo "== $(basename "$b")"
      "$b"
    done
    ;;
  test)
    # A private session bus with a throw-away, unlocked keyring: QtKeychain's real backend, nothing of $HOME.
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -m 0700 -p "$scratch/runtime" "$scratch/data" "$scratch/config" "$scratch/cache"
    export XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
    export XDG_CACHE_HOME="$scratch/cache" HOME="$scratch" LC_ALL=C.UTF-8
    run_ctest='printf %s handover-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null
      for i in $(seq 1 50); do
        dbus-send --session --dest=org.freedesktop.DBus --type=method_call --print-reply /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
        sleep 0.1
      done
      exec ctest --test-dir "$0" --output-on-failure --parallel "$1"'
    if [ "${HANDOVER_QPA:-offscreen}" = xcb ]; then
      xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- bash -c "$run_ctest" "$build_dir" "$jobs"
    else
      dbus-run-session -- bash -c "$run_ctest" "$build_dir" "$jobs"
    fi
    ;;
esac
