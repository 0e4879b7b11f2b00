#!/usr/bin/env bash
# The Debian package's check (issue #16, docs/packaging.md), run by `scripts/dev.sh test` after
# the tests. From an already built tree (cpack does not build again) it makes the .deb, runs
# lintian (no errors), desktop-file-validate and appstreamcli validate, installs the package,
# runs the installed station headless on the installed quick recipe from the installed paths,
# opens its window (the desktop entry's Exec line) under Xvfb, then purges the package and
# checks that nothing of it is left.
#   scripts/package-check.sh [BUILD_DIR]      (as root: it installs into this system)
# A machine that already has sphere-station installed is refused: the check would remove it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$(cd "${1:-${BUILD_DIR:-$root/build}}" && pwd)
out_dir=$build_dir/package
package=sphere-station
quick_recipe=/usr/share/sphere-station/recipes/quick.json
desktop_entry=/usr/share/applications/org.spherestation.SphereStation.desktop
# How long the window may take to appear, and how long it must then stay up.
window_timeout_s=60
window_alive_s=5

say() { echo "package-check: $*"; }
fail() {
    echo "package-check: FAILED: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (the check installs and removes the package)"
# dpkg may still list a purged package as "unknown ok not-installed"; anything else (installed,
# or its conffiles left behind) belongs to someone.
status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
case "$status" in
"" | *" not-installed") ;;
*) fail "$package is on this machine ($status); the check would remove it (apt-get remove --purge $package first)" ;;
esac

work=$(mktemp -d /tmp/package-check.XXXXXX)
installed=false
cleanup() {
    if [ "$installed" = true ]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$package" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# 1. The package, from the built tree.
say "building the package"
rm -f "$out_dir/${package}"_*.deb
cpack --config "$build_dir/CPackConfig.cmake" -B "$out_dir" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack"; }
debs=("$out_dir/${package}"_*_amd64.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one ${package}_*_amd64.deb in $out_dir"
fi
deb=${debs[0]}
say "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"
dpkg-deb -f "$deb" Version Depends Recommends | sed 's/^/package-check:   /'

# 2. lintian: no errors (warnings and notes are shown; the package's overrides are in
# packaging/debian/lintian-overrides, each with its reason).
say "lintian"
lintian --fail-on error --display-info "$deb" | tee "$work/lintian.log" \
    || fail "lintian reports errors"

# 3. The desktop entry and the AppStream metainfo, as packaged.
dpkg-deb -x "$deb" "$work/root"
say "desktop-file-validate"
desktop_files=("$work"/root/usr/share/applications/*.desktop)
desktop-file-validate "${desktop_files[@]}" || fail "desktop-file-validate"
say "appstreamcli validate"
appstreamcli validate --no-net "$work"/root/usr/share/metainfo/*.metainfo.xml \
    || fail "appstreamcli validate"

# 4. Install it as a line PC would.
say "installing"
installed=true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "apt-get install"; }
[ -x /usr/bin/sphere-station ] || fail "/usr/bin/sphere-station is not installed"
# The stand-ins are private: none of them may be found on PATH.
for tool in azsphere az RfSettingsTool RfToolCli; do
    found=$(command -v "$tool" || true)
    case "$found" in
    */sphere-station/*) fail "the stand-in $tool is on PATH ($found)" ;;
    esac
done

# The station runs as a person with no configuration of their own: the system default in /etc
# applies, and nothing of the build tree is reachable.
home=$work/home
mkdir -p "$home"
station_env=(env -i "HOME=$home" "PATH=/usr/sbin:/usr/bin:/sbin:/bin" "LANG=C.UTF-8"
    "AZSPHERE_SIM_TIME_SCALE=0")

# 5. Headless, two simulated devices, the installed quick recipe.
say "headless run of the installed station"
(cd "$work" && "${station_env[@]}" sphere-station --headless --simulate 2 \
    --recipe "$quick_recipe" --operator package-check) >"$work/headless.log" 2>&1 \
    || { cat "$work/headless.log" >&2; fail "the installed station's headless run"; }
cat "$work/headless.log"
grep -q "/usr/libexec/sphere-station/azsphere" "$work/headless.log" \
    || fail "the headless run did not use the installed stand-ins"

# 6. The window, started with the desktop entry's Exec line, under Xvfb.
say "opening the window under Xvfb"
[ -f "$desktop_entry" ] || fail "$desktop_entry is not installed"
exec_line=$(sed -n 's/^Exec=//p' "$desktop_entry")
read -r -a exec_words <<<"$exec_line"
cat >"$work/window.sh" <<'EOF'
# Runs inside xvfb-run: start the program given as arguments, wait for one of its windows to be
# mapped, then check it is still running a few seconds later, and end it with SIGTERM.
timeout_s=$1 alive_s=$2
shift 2
"$@" &
pid=$!
deadline=$((SECONDS + timeout_s))
until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the station exited before it showed a window" >&2
        wait "$pid"
        exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
        echo "no window after ${timeout_s} s" >&2
        kill -TERM "$pid"
        exit 1
    fi
    sleep 0.5
done
for window in $(xdotool search --onlyvisible --pid "$pid"); do
    echo "window: $(xdotool getwindowname "$window")"
done
alive_until=$((SECONDS + alive_s))
while [ $SECONDS -lt $alive_until ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the station exited after showing its window" >&2; exit 1; }
    sleep 0.5
done
kill -TERM "$pid"
wait "$pid" || true
EOF
"${station_env[@]}" xvfb-run -a -s "-screen 0 1280x800x24" \
    bash "$work/window.sh" "$window_timeout_s" "$window_alive_s" "${exec_words[@]}" \
    >"$work/window.log" 2>&1 || { cat "$work/window.log" >&2; fail "the window"; }
grep '^window:' "$work/window.log"
grep -q '^window: Sphere Station' "$work/window.log" || fail "no window named Sphere Station"

# 7. Remove it; nothing may be left.
say "removing"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$package" >"$work/remove.log" 2>&1 \
    || { cat "$work/remove.log" >&2; fail "apt-get remove --purge"; }
installed=false
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -qv "not-installed"; then
    fail "dpkg still knows $package: $(dpkg-query -W -f='${Status}' "$package")"
fi
for path in /usr/bin/sphere-station /usr/bin/sphere-sim /usr/libexec/sphere-station \
    /usr/share/sphere-station /etc/sphere-station /usr/share/doc/sphere-station \
    /usr/lib/udev/rules.d/70-sphere-station.rules /usr/lib/systemd/user/sphere-station.service; do
    [ ! -e "$path" ] || fail "$path is left after the purge"
done
say "passed"
