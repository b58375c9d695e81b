#!/usr/bin/env bash
# Builds Sealmail's native packages with jpackage, on a runtime trimmed by jlink (JDK 17+).
#
# Usage: installers/build.sh [--type TYPE]... [--dest DIR] [--skip-build]
#   TYPE      app-image, deb, rpm (Linux); app-image, dmg, pkg (macOS). Default: app-image and deb
#             on Linux, app-image and dmg on macOS. Windows: see installers/README.md (same steps).
#   --dest    output directory (default installers/target)
#   --skip-build  use app/target as it is (default: ./mvnw -B -q -DskipTests package first)
#
# Prints the size of each artefact and, for a .deb, its Installed-Size. dpkg-deb compresses with
# xz (smallest, minutes on two cores); DPKG_DEB_COMPRESSOR_TYPE=zstd (dpkg 1.21.18+) takes seconds
# for a somewhat larger .deb (CI uses it). Needs jlink and jpackage
# from a full JDK with jmods, zip/unzip, and for .deb: fakeroot and dpkg-deb.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

types=()
dest="$here/target"
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --type) types+=("$2"); shift 2 ;;
    --dest) dest="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "installers/build.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; fx_platform=linux ;;
  Darwin) os=macos; fx_platform=mac ;;
  *) echo "installers/build.sh: run this on Linux or macOS; for Windows see installers/README.md" >&2; exit 2 ;;
esac
if [ ${#types[@]} -eq 0 ]; then
  if [ "$os" = linux ]; then types=(app-image deb); else types=(app-image dmg); fi
fi

java_bin="$(command -v java)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$java_bin")")")}"
for tool in jlink jpackage; do
  [ -x "$java_home/bin/$tool" ] || { echo "installers/build.sh: $java_home/bin/$tool not found (a full JDK 17+ is needed)" >&2; exit 1; }
done
[ -d "$java_home/jmods" ] || { echo "installers/build.sh: $java_home/jmods missing (Debian 12: openjdk-17-jdk-headless has them; set JAVA_HOME to it)" >&2; exit 1; }

# Version: the pom's, without -SNAPSHOT (jpackage takes numbers only).
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' app/pom.xml | head -1)"

if [ "$build" = 1 ]; then
  echo "installers: building the app (./mvnw -B -q -DskipTests package)" >&2
  ./mvnw -B -q -DskipTests package -pl app -am >&2
fi
[ -f app/target/sealmail-app.jar ] || { echo "installers/build.sh: app/target/sealmail-app.jar missing (drop --skip-build)" >&2; exit 1; }

# JavaFX jars of this platform go on jlink's module path (they are modules with their native
# libraries); every other jar goes, flat, into jpackage's input (the class path).
rm -rf "$dest/input" "$dest/fx" "$dest/fx-natives" "$dest/runtime" "$dest/sealmail" "$dest/sealmail.app"
mkdir -p "$dest/input" "$dest/fx"
cp app/target/sealmail-app.jar "$dest/input/"
for jar in app/target/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-"$fx_platform".jar) cp "$jar" "$dest/fx/" ;;
    javafx-*) ;;  # the platform-neutral javafx jars are empty parents of the ones above
    *) cp "$jar" "$dest/input/" ;;
  esac
done

# The JavaFX jars carry their native libraries inside. Linked as they are, a runtime keeps them
# as resources that JavaFX extracts to ~/.openjfx/cache on the first start (about 130 MB, several
# seconds). Instead they leave the jars here and go to runtime/lib, where JavaFX loads them from.
mkdir -p "$dest/fx-natives"
for jar in "$dest"/fx/*.jar; do
  (cd "$dest/fx-natives" && unzip -o -q "$jar" '*.so' '*.dylib' '*.dll' 2>/dev/null || true)
  zip -q -d "$jar" '*.so' '*.dylib' '*.dll' >/dev/null 2>&1 || true
done

# Modules: what `jdeps --print-module-deps` reports for the app and its libraries, plus what is
# only found at run time: jdk.crypto.ec (TLS with EC keys), jdk.naming.dns (DNS SRV lookups,
# RFC 6186), jdk.charsets (mail in legacy charsets), java.management (logging), and for WebView
# java.net.http, jdk.jsobject, jdk.xml.dom, javafx.media (see FACTS.md).
modules=java.base,java.desktop,java.management,java.naming,java.net.http,java.prefs,java.security.sasl,java.sql
modules+=,jdk.charsets,jdk.crypto.ec,jdk.jsobject,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.xml.dom
modules+=,javafx.base,javafx.controls,javafx.fxml,javafx.graphics,javafx.media,javafx.web
echo "installers: jlink runtime ($modules)" >&2
"$java_home/bin/jlink" --module-path "$java_home/jmods:$dest/fx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$dest/runtime"
cp "$dest"/fx-natives/* "$dest/runtime/lib/"

image_args=(@installers/common.args @installers/"$os"/app-image.args --app-version "$version")
echo "installers: jpackage app-image" >&2
"$java_home/bin/jpackage" --type app-image --dest "$dest" --input "$dest/input" --runtime-image "$dest/runtime" \
  "${image_args[@]}"
image="$dest/sealmail"; [ "$os" = macos ] && image="$dest/sealmail.app"

report() { printf '%-40s %s\n' "$1" "$2"; }
for type in "${types[@]}"; do
  case "$type" in
    app-image)
      report "app-image $(basename "$image")" "$(du -sh "$image" | cut -f1) on disk"
      ;;
    deb|rpm|dmg|pkg)
      echo "installers: jpackage $type" >&2
      rm -f "$dest"/sealmail*."$type"
      "$java_home/bin/jpackage" --type "$type" --dest "$dest" --app-image "$image" \
        @installers/common.args @installers/"$os"/package.args --app-version "$version"
      file="$(ls "$dest"/sealmail*."$type")"
      size="$(du -h "$file" | cut -f1)"
      if [ "$type" = deb ]; then
        size="$size, Installed-Size $(dpkg-deb -f "$file" Installed-Size) KiB"
      fi
      report "$(basename "$file")" "$size"
      ;;
    *) echo "installers/build.sh: unknown type '$type'" >&2; exit 2 ;;
  esac
done
