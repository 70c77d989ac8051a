#!/usr/bin/env bash
# Deliberate-breakage check of the Redis tests: applies each Lua breakage listed in breakages.txt, one
# at a time, to a copy of the tree (never the working tree), runs the tests named for it and reports
# whether they caught it (a test failed) or missed it (everything passed). A listed breakage that no
# test catches is a test to mend, so the script exits non-zero unless every breakage is caught.
#
# Usage: tools/breakage/run.sh [ID ...]      (no ID: every breakage of the list)
# Environment: BREAKAGES (list file, default next to this script), KEEP=1 keeps the copy and logs,
#              SKIP_BASELINE=1 skips the first run without breakage (which proves the tests pass).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
list=${BREAKAGES:-$here/breakages.txt}
lua_dir=taskqueue-redis/src/main/resources/io/taskqueue/redis/lua
work=$(mktemp -d "${TMPDIR:-/tmp}/breakage.XXXXXX")
copy=$work/tree
logs=$work/logs
mkdir -p "$logs"
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "kept: $work"; fi; }
trap cleanup EXIT

# The list: blocks of "key: value" lines (id, file, find, replace, tests, why) separated by blank
# lines; "#" lines are comments. find and replace are literal text; file is relative to $lua_dir.
ids=() files=() finds=() replaces=() tests=()
flush() {
  if [ -n "${b_id:-}" ]; then
    ids+=("$b_id") files+=("$b_file") finds+=("$b_find") replaces+=("$b_replace") tests+=("$b_tests")
  fi
  b_id='' b_file='' b_find='' b_replace='' b_tests=''
}
flush
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '#'*) continue ;;
    '') flush; continue ;;
  esac
  key=${line%%:*}
  value=${line#*: }
  case "$key" in
    id) b_id=$value ;; file) b_file=$value ;; find) b_find=$value ;; replace) b_replace=$value ;;
    tests) b_tests=$value ;; why) ;;
    *) echo "unknown key '$key' in $list: $line" >&2; exit 2 ;;
  esac
done < "$list"
flush

selected=()
for i in "${!ids[@]}"; do
  if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qxF "${ids[$i]}"; then selected+=("$i"); fi
done
if [ ${#selected[@]} -eq 0 ]; then echo "no breakage selected from $list" >&2; exit 2; fi

echo "copying the tree to $copy"
rsync -a --exclude target --exclude .git "$root/" "$copy/"

# Runs the Redis integration tests $1 in the copy; prints failed|passed|error.
run_tests() {
  local pattern=$1 log=$2 summary=$copy/taskqueue-redis/target/failsafe-reports/failsafe-summary.xml
  rm -rf "$copy/taskqueue-redis/target/failsafe-reports"
  local rc=0
  (cd "$copy" && timeout 2400 mvn -B verify -pl taskqueue-redis -am -Dit.test="$pattern" -Dtest=none \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dmaven.javadoc.skip=true) > "$log" 2>&1 || rc=$?
  if [ -f "$summary" ] && grep -qE '<(failures|errors)>[1-9]' "$summary"; then echo failed
  elif [ $rc -eq 0 ] && [ -f "$summary" ] && grep -qE '<completed>[1-9]' "$summary"; then echo passed
  else echo error; fi
}

if [ "${SKIP_BASELINE:-0}" != 1 ]; then
  all=$(for i in "${selected[@]}"; do echo "${tests[$i]}"; done | tr ',' '\n' | sort -u | paste -sd, -)
  echo "baseline (no breakage): $all"
  result=$(run_tests "$all" "$logs/baseline.log")
  if [ "$result" != passed ]; then
    echo "the tests do not pass without a breakage ($result); see $logs/baseline.log" >&2
    KEEP=1; exit 1
  fi
fi

report=$work/report.txt
printf '%-28s %-34s %-8s %5s  %s\n' BREAKAGE FILE RESULT SECS TESTS | tee "$report"
caught=0
for i in "${selected[@]}"; do
  id=${ids[$i]} file=$copy/$lua_dir/${files[$i]}
  cp "$root/$lua_dir/${files[$i]}" "$file"
  count=$(FIND=${finds[$i]} perl -0ne 'my $n = () = /\Q$ENV{FIND}\E/g; print $n' "$file")
  if [ "$count" != 1 ]; then
    echo "$id: the find text occurs $count times in ${files[$i]} (needs exactly 1)" >&2; exit 2
  fi
  FIND=${finds[$i]} REPLACE=${replaces[$i]} perl -0pi -e 's/\Q$ENV{FIND}\E/$ENV{REPLACE}/' "$file"
  start=$(date +%s)
  result=$(run_tests "${tests[$i]}" "$logs/$id.log")
  cp "$root/$lua_dir/${files[$i]}" "$file"
  case "$result" in failed) verdict=caught; caught=$((caught + 1)) ;; passed) verdict=MISSED ;; *) verdict=ERROR ;; esac
  printf '%-28s %-34s %-8s %5s  %s\n' "$id" "${files[$i]}" "$verdict" $(( $(date +%s) - start )) "${tests[$i]}" \
    | tee -a "$report"
  if [ "$verdict" != caught ]; then KEEP=1; fi
done
total=${#selected[@]}
echo "caught $caught of $total ($(( 100 * caught / total )) %)" | tee -a "$report"
[ "$caught" -eq "$total" ]
