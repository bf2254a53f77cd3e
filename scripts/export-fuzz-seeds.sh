#!/usr/bin/env bash
# Writes the seed corpus of the text fuzzer: the input of every case in
# tests/cases/*.txt and every example story, each prefixed with an option
# byte (cycling through the option combinations).
set -eu
cd "$(dirname "$0")/.."
out=fuzz/corpus/text
mkdir -p "$out"
rm -f "$out"/case-* "$out"/example-*
for f in tests/cases/*.txt; do
    base=$(basename "$f" .txt)
    awk -v out="$out" -v base="$base" '
        function flush() {
            if (id != "") {
                sel = sprintf("%c", (n % 16) + 65)
                file = out "/case-" base "-" id
                printf "%s%s", sel, text > file
                close(file)
                n++
            }
        }
        /^### / { flush(); id = $2; text = ""; body = 1; next }
        /^---$/ && body { body = 0; next }
        body && id != "" { text = (text == "" ? $0 : text "\n" $0) }
        END { flush() }' "$f"
done
for f in examples/*.txt; do
    { printf 'A'; cat "$f"; } > "$out/example-$(basename "$f" .txt)"
done
ls "$out" | wc -l
