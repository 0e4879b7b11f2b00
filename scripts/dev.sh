#!/usr/bin/env bash
# Sphere Station developer entry point, for a fresh Debian 12 machine (run as root).
#   scripts/dev.sh run [station options...]  install what is missing, build, start on the simulator
#   scripts/dev.sh test                      install what is missing, build, run every test
#   scripts/dev.sh build                     install what is missing and build
#   scripts/dev.sh package                   install what is missing, build, make the .deb
#                                            (build/package/sphere-station_<version>_amd64.deb)
# Environment: BUILD_DIR (default ./build), BUILD_TYPE (default Release), CI=true turns warnings
# into errors. `test` ends with scripts/package-check.sh (as root: it installs the package,
# checks it and purges it); SKIP_PACKAGE_CHECK=1 leaves that out.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
build_type=${BUILD_TYPE:-Release}

# Everything comes from Debian 12's archive; --no-install-recommends keeps the machine lean.
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-serialport-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6opengl6-dev libxkbcommon-dev libgl-dev
    libftdi1-dev libspdlog-dev libfmt-dev libexpected-dev libsqlite3-dev
    # Password and PIN hashes (argon2id), issue #15.
    libsodium-dev
    clang-format sqlite3 xvfb xauth
    # The plant database (issue #14): Qt's PostgreSQL driver, and PostgreSQL 15, which the plant
    # tests start themselves in a temporary directory.
    libqt6sql6-psql postgresql-15 postgresql-common
    # jp (JMESPath): the tests check the simulator's --query against it.
    jp
    # German and Chinese on screen: a font with the Chinese characters, and Qt's own
    # translations (standard buttons, file dialogs), which the station loads beside its own.
    fonts-noto-cjk qt6-translations-l10n
    # The Debian package and its check (issue #16): dpkg-shlibdeps (dpkg-dev) and file for
    # CPack's computed Depends, lintian, the desktop entry's and AppStream's validators, and
    # xdotool to see the installed station's window.
    dpkg-dev file lintian desktop-file-utils appstream xdotool
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "dev.sh: all ${#packages[@]} packages present"
        return
    fi
    echo "dev.sh: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local werror=OFF
    [ "${CI:-}" = "true" ] && werror=ON
    cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE="$build_type" -DSTATION_WERROR="$werror" -DCMAKE_INSTALL_PREFIX=/usr
    cmake --build "$build_dir" -j "$(nproc)"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
build)
    install_missing
    build
    ;;
run)
    install_missing
    build
    station=("$build_dir/bin/sphere-station" --simulate 8 "$@")
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "dev.sh: no display; starting the station under xvfb-run (invisible)."
        exec xvfb-run -a -s "-screen 0 1920x1080x24" "${station[@]}"
    fi
    exec "${station[@]}"
    ;;
package)
    install_missing
    build
    cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir/package"
    ;;
test)
    install_missing
    build
    (cd "$build_dir" && ctest -j 2 --output-on-failure --label-exclude bench --timeout 600)
    if [ "${SKIP_PACKAGE_CHECK:-}" = 1 ]; then
        echo "dev.sh: package check skipped (SKIP_PACKAGE_CHECK=1)"
    elif [ "$(id -u)" -ne 0 ]; then
        echo "dev.sh: package check skipped (it installs the package: run as root)"
    else
        bash "$root/scripts/package-check.sh" "$build_dir"
    fi
    ;;
*)
    echo "usage: scripts/dev.sh run|test|build|package" >&2
    exit 2
    ;;
esac
