#!/usr/bin/env bash
# load.sh — time loading the issue-6 input (1M contact rows, 1M attendance rows, 100k actors
# and 100k events, from internal/synth's "scale" preset, seed 1) with graph.ReadDir +
# graph.Build, REPS times in separate processes, and print medians as a Markdown row for
# BENCHMARKS.md. Not run by CI.
#
#   bench/load.sh            # REPS=5 ACTORS=100000 by default
#   REPS=9 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
ACTORS=${ACTORS:-100000}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
[ -x /usr/bin/time ] || { apt-get update >&2 && apt-get install -y time >&2; }

go build -o "$OUT/loadtime" ./bench/loadtime
go run ./internal/synth/cmd/synthgen -preset scale -actors "$ACTORS" -out "$OUT/data" >&2
for i in $(seq "$REPS"); do
	/usr/bin/time -f "%U %S %M" -o "$OUT/time.$i" "$OUT/loadtime" "$OUT/data" >"$OUT/out.$i"
	echo "run $i: $(cat "$OUT/out.$i") | cpu $(awk '{print $1 + $2}' "$OUT/time.$i") s, peak $(awk '{printf "%.0f", $3 / 1024}' "$OUT/time.$i") MB" >&2
done
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { for i in $(seq "$REPS"); do awk -v k="$1" '{sub(":", "", $k); print $k}' "$OUT/out.$i"; done | median; }
cpu=$(for i in $(seq "$REPS"); do awk '{print $1 + $2}' "$OUT/time.$i"; done | median)
peak=$(for i in $(seq "$REPS"); do awk '{printf "%.0f\n", $3 / 1024}' "$OUT/time.$i"; done | median)
max=$(for i in $(seq "$REPS"); do awk '{sub(":", "", $6); print $6}' "$OUT/out.$i"; done | sort -g | tail -1)
echo "- machine: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores; $(go version | cut -d' ' -f3); date $(date -u +%Y-%m-%d); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- input: $(cut -d: -f2- "$OUT/out.1" | sed 's/^ //')"
echo
echo "| load (ReadDir + Build), median of $REPS runs | read | build | total (slowest run) | CPU (user+sys) | peak RSS |"
echo "|---|---|---|---|---|---|"
echo "| bench/load.sh | $(col 2) s | $(col 4) s | **$(col 6) s** ($max s) | $cpu s | $peak MB |"
