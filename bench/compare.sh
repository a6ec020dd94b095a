#!/usr/bin/env bash
# compare.sh — time partnerscout's centralities against python-igraph and networkx on the
# same graphs, in one run, and print a Markdown table for BENCHMARKS.md. Not run by CI.
#
#   bench/compare.sh                 # REPS=3 NXSAMPLE=100 by default
#   REPS=5 NXSAMPLE=200 bench/compare.sh
#
# Graphs (written by bench/gobench -write with synth.BarabasiAlbert, as in score/bench_test.go):
#   10k:     Barabási–Albert, 10,000 actors, m = 5  (49,985 ties), weights 1..5, seed 1
#   100k1M:  Barabási–Albert, 100,000 actors, m = 10 (999,945 ties), weights 1..5, seed 1
# Each cell is the median wall time of REPS runs of the measure alone (loading excluded,
# measured inside the program) and the peak resident memory of the whole process
# (/usr/bin/time -v, loading included). networkx is too slow for exact path measures at 10k
# (about 10^3 s each), so it runs them from NXSAMPLE sources and scales the time by
# n/NXSAMPLE (marked "~"); it runs once. Weighted path measures use distance = 1/weight.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-3}
NXSAMPLE=${NXSAMPLE:-100}
PY=/usr/bin/python3
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if ! $PY -c 'import igraph, networkx, scipy' 2>/dev/null; then
	apt-get update >&2 && apt-get install -y python3-igraph python3-networkx python3-scipy >&2
fi
[ -x /usr/bin/time ] || { apt-get update >&2 && apt-get install -y time >&2; }

go build -o "$OUT/gobench" ./bench/gobench
"$OUT/gobench" -write "$OUT/10k.csv" -n 10000 -m 5 -seed 1
"$OUT/gobench" -write "$OUT/100k1M.csv" -n 100000 -m 10 -seed 1

# cell REPS CMD... : runs CMD under /usr/bin/time -v and prints
# "[~]median_s s, cpu_s cpu, peak_MB MB": median wall time of the measure, process CPU time
# (user + sys, loading included) per repetition, and peak RSS.
cell() {
	local reps=$1
	shift
	if ! /usr/bin/time -v -o "$OUT/time.txt" "$@" >"$OUT/out.txt" 2>"$OUT/err.txt"; then
		echo "failed"
		cat "$OUT/err.txt" >&2
		return
	fi
	local med peak cpu mark=""
	med=$(awk '{print $2}' "$OUT/out.txt" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}')
	peak=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/time.txt")
	cpu=$(awk -F': ' -v r="$reps" '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.3g", (u+s)/r}' "$OUT/time.txt")
	grep -q extrapolated "$OUT/out.txt" && mark="~" && cpu="-"
	printf '%s%.3g s, %s cpu, %s MB' "$mark" "$med" "$cpu" "$peak"
}

seconds() { sed -E 's/^~?([0-9.e+-]+) s.*/\1/' <<<"$1"; }
cpusec() { sed -E 's/^[^,]*, ([0-9.e+-]+) cpu.*/\1/' <<<"$1"; }

ncpu=$(nproc)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
echo "### Centralities: partnerscout vs python-igraph vs networkx"
echo
echo "- machine: $cpu, $ncpu cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- date: $(date -u +%Y-%m-%d) (UTC); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- command: \`REPS=$REPS NXSAMPLE=$NXSAMPLE bench/compare.sh\`"
echo "- versions: $(go version | cut -d' ' -f3), python-igraph $($PY -c 'import igraph; print(igraph.__version__)'), networkx $($PY -c 'import networkx; print(networkx.__version__)')"
echo "- cells: median wall time of $REPS runs of the measure (networkx: 1 run); CPU time (user+sys) of the process per run, loading included; peak RSS of the process. ~ = networkx from $NXSAMPLE sources, time scaled by n/$NXSAMPLE"
echo "- last columns: igraph wall / partnerscout wall ($ncpu workers), and igraph CPU / partnerscout CPU (1 worker), which depends less on other load on the machine"
echo
echo "| graph | measure | partnerscout ($ncpu workers) | partnerscout (1 worker) | python-igraph | networkx | igraph / ps wall | igraph / ps CPU (1 worker) |"
echo "|---|---|---|---|---|---|---|---|"
row() { # graph measure weighted nxsample
	local g=$1 m=$2 w=$3 s=$4 wflag="" label=$2
	[ "$w" = weighted ] && wflag=-weighted && label="$m (weighted)"
	local ps ps1 ig nx ratio cratio
	ps=$(cell "$REPS" "$OUT/gobench" -edges "$OUT/$g.csv" -measure "$m" $wflag -reps "$REPS")
	ps1=$(cell "$REPS" "$OUT/gobench" -edges "$OUT/$g.csv" -measure "$m" $wflag -reps "$REPS" -workers 1)
	ig=$(cell "$REPS" $PY bench/pybench.py igraph "$OUT/$g.csv" "$m" "$w" "$REPS")
	nx=$(cell 1 $PY bench/pybench.py networkx "$OUT/$g.csv" "$m" "$w" 1 "$s")
	ratio=$(awk -v a="$(seconds "$ig")" -v b="$(seconds "$ps")" 'BEGIN {if (b > 0) printf "%.1fx", a/b; else print "-"}')
	cratio=$(awk -v a="$(cpusec "$ig")" -v b="$(cpusec "$ps1")" 'BEGIN {if (b > 0) printf "%.1fx", a/b; else print "-"}')
	echo "| $g | $label | $ps | $ps1 | $ig | $nx | $ratio | $cratio |"
}
for m in betweenness closeness harmonic; do
	for w in unweighted weighted; do
		row 10k "$m" "$w" "$NXSAMPLE"
	done
done
for m in pagerank eigenvector; do
	for w in unweighted weighted; do
		row 100k1M "$m" "$w" 0
	done
done
approx=$(cell 1 "$OUT/gobench" -edges "$OUT/100k1M.csv" -measure betweenness-approx -epsilon 0.01 -reps 1)
approx1=$(cell 1 "$OUT/gobench" -edges "$OUT/100k1M.csv" -measure betweenness-approx -epsilon 0.01 -reps 1 -workers 1)
echo "| 100k1M | betweenness, sampled (ε = 0.01, δ = 0.1) | $approx | $approx1 | n/a | n/a | - | - |"
approxw=$(cell 1 "$OUT/gobench" -edges "$OUT/100k1M.csv" -measure betweenness-approx -weighted -epsilon 0.01 -reps 1)
echo "| 100k1M | betweenness (weighted), sampled (ε = 0.01, δ = 0.1) | $approxw | | n/a | n/a | - | - |"
echo
echo "networkx eigenvector is \`eigenvector_centrality_numpy\` (ARPACK); igraph closeness is its"
echo "own normalisation (same traversals). Peak memory includes loading the edge list."
