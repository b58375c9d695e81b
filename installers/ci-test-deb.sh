#!/usr/bin/env bash
# CI check of the Linux package: builds the .deb (installers/build.sh), installs it with dpkg, runs
# the installed program with --version and `demo --headless`, removes it and checks nothing of it
# is left. Prints the package and installed sizes. Needs root (dpkg -i), jlink/jpackage with jmods,
# fakeroot, dpkg-deb, zip/unzip. Exit 0 only when every step held.
#
# Usage: installers/ci-test-deb.sh [--skip-build]   (--skip-build: app/target is already packaged)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
dest="$(mktemp -d /tmp/sealmail-deb.XXXXXX)"
work="$(mktemp -d /tmp/sealmail-deb-run.XXXXXX)"
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then dpkg --purge sealmail >/dev/null 2>&1 || true; fi
  rm -rf "$dest" "$work"
}
trap cleanup EXIT

step() { printf '[ci-deb] %s\n' "$*" >&2; }
fail() { printf '[ci-deb] FAILED: %s\n' "$*" >&2; exit 1; }

if dpkg -s sealmail >/dev/null 2>&1; then
  fail "a sealmail package is already installed; remove it first (dpkg -r sealmail)"
fi
# zstd: seconds instead of minutes for xz on two cores (the size is reported either way)
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-zstd}"
start=$SECONDS
installers/build.sh --type deb --dest "$dest" "$@"
deb="$(ls "$dest"/sealmail_*.deb)"
step "built $(basename "$deb") in $((SECONDS - start)) s: $(du -h "$deb" | cut -f1) ($DPKG_DEB_COMPRESSOR_TYPE), Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB"

dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
installed=1
[ "$(dpkg-query -W -f '${Status}' sealmail)" = "install ok installed" ] || fail "package not fully installed: $(dpkg-query -W -f '${Status}' sealmail)"
program=/opt/sealmail/bin/sealmail
[ -x "$program" ] || fail "$program missing"
step "installed: $(du -sh /opt/sealmail | cut -f1) in /opt/sealmail"

version="$("$program" --version)" || fail "$program --version exited $?"
expected="sealmail $(sed -n 's:.*<version>\([0-9][0-9.]*\(-SNAPSHOT\)\{0,1\}\)</version>.*:\1:p' app/pom.xml | head -1)"
[ "$version" = "$expected" ] || fail "--version printed '$version', expected '$expected'"
step "--version: $version"

HOME="$work" "$program" demo --headless --imap-port 0 --smtp-port 0 >"$work/demo.log" 2>&1 \
  || { cat "$work/demo.log" >&2; fail "installed demo --headless exited non-zero"; }
grep -q '^Demo complete: every step held\.$' "$work/demo.log" || { cat "$work/demo.log" >&2; fail "demo did not complete"; }
[ "$(grep -c '^\[ ok \]' "$work/demo.log")" = 13 ] || { cat "$work/demo.log" >&2; fail "expected 13 held steps"; }
step "demo --headless: 13 steps held"

dpkg -r sealmail >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r"; }
dpkg --purge sealmail >/dev/null 2>&1 || true
installed=0
[ ! -e /opt/sealmail ] || fail "/opt/sealmail left after removal"
step "removed; /opt/sealmail is gone"
