#!/usr/bin/env bash
# Start-up bench (a measurement, not a test): wall-clock time from starting the program to
#   - the first window (the desktop client's main window shows), and
#   - demo-ready (sealmail --demo: in-process mail server up, sample mail sent and synced, banner
#     says ready) -- the window shows first, the demo work runs in the background;
# plus `--version` and `demo --headless` for the command line. Each GUI run is a new JVM on a new
# profile (nothing cached in the profile; the OS file cache is warm after the first run, so run 1
# is the coldest). Runs under its own Xvfb (xvfb + libgtk-3-0 needed).
#
# Usage: installers/bench/startup.sh [--runs N] [--program "COMMAND"]...
#   default programs: "java -jar app/target/sealmail-app.jar" (what ./sealmail runs) and, when
#   installers/build.sh has made it, the jpackage app-image installers/target/sealmail/bin/sealmail.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=3
programs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --program) programs+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
if [ ${#programs[@]} -eq 0 ]; then
  [ -f app/target/sealmail-app.jar ] || ./mvnw -B -q -DskipTests package -pl app -am
  programs=("java -jar app/target/sealmail-app.jar")
  [ -x installers/target/sealmail/bin/sealmail ] && programs+=("installers/target/sealmail/bin/sealmail")
fi
command -v Xvfb >/dev/null || { echo "startup.sh: Xvfb not installed (apt-get install xvfb libgtk-3-0)" >&2; exit 1; }

work="$(mktemp -d /tmp/sealmail-bench.XXXXXX)"
display=":$((200 + RANDOM % 300))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
sleep 1
export DISPLAY="$display"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Runs one GUI start and prints "first-window-ms ready-ms" (ready "-" unless --demo).
gui_run() {
  local program="$1" mode="$2" log="$work/run.log" profile t0 first="-" ready="-"
  profile="$(mktemp -d "$work/profile.XXXXXX")"
  : >"$log"
  t0=$(now_ms)
  # shellcheck disable=SC2086
  SEALMAIL_LOG_LEVEL=INFO $program --profile "$profile" $mode >"$log" 2>&1 &
  app=$!
  local deadline=$((t0 + 120000))
  while [ "$(now_ms)" -lt "$deadline" ] && kill -0 "$app" 2>/dev/null; do
    if [ "$first" = - ] && grep -q "main window shown" "$log"; then first=$(( $(now_ms) - t0 )); fi
    if [ "$first" != - ] && { [ "$mode" != --demo ] || { [ "$ready" = - ] && grep -q "demo ready" "$log" && ready=$(( $(now_ms) - t0 )); }; }; then
      break
    fi
    sleep 0.02
  done
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  app=""
  if [ "$first" = - ]; then echo "startup.sh: no window within 120 s; log:" >&2; tail -20 "$log" >&2; fi
  echo "$first $ready"
}

timed() { local t0; t0=$(now_ms); "$@" >/dev/null 2>&1; echo $(( $(now_ms) - t0 )); }

printf 'Sealmail start-up, %s, %s CPUs, %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(java -version 2>&1 | head -1)"
for program in "${programs[@]}"; do
  printf '\n%s\n' "$program"
  printf '  %-4s %-18s %-22s %-18s %-12s %s\n' run "first window (ms)" "demo: window (ms)" "demo ready (ms)" "--version" "demo --headless"
  for run in $(seq 1 "$runs"); do
    read -r plain _ <<<"$(gui_run "$program" "")"
    read -r demo_window demo_ready <<<"$(gui_run "$program" --demo)"
    # shellcheck disable=SC2086
    version=$(timed $program --version)
    # shellcheck disable=SC2086
    headless=$(timed $program --profile "$work/headless" demo --headless --imap-port 0 --smtp-port 0)
    printf '  %-4s %-18s %-22s %-18s %-12s %s\n' "$run" "$plain" "$demo_window" "$demo_ready" "$version" "$headless"
  done
done
