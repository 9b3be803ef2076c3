#!/usr/bin/env bash
# Fetches fastText's language-identification model lid.176.ftz (917 kB, CC BY-SA 3.0,
# https://fasttext.cc/docs/en/language-identification.html) into models/lid.176.ftz.
# fasttext.cc is not reachable from CI, but the npm package fasttext.wasm.js@1.0.0 (MIT wrapper)
# ships the model file unchanged; we take it from there and check its SHA-256.
# The model is never committed (.gitignore) and never downloaded at run time.
set -euo pipefail

EXPECTED_SHA256=8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83
PACKAGE=fasttext.wasm.js@1.0.0
MEMBER=package/dist/models/language-identification/assets/lid.176.ftz

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/lid.176.ftz"

if [[ -f "$target" ]] && echo "$EXPECTED_SHA256  $target" | sha256sum -c --status; then
  echo "$target already present (sha256 ok)"
  exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$tmp"/fasttext.wasm.js-1.0.0.tgz -C "$tmp" "$MEMBER"

actual="$(sha256sum "$tmp/$MEMBER" | cut -d' ' -f1)"
if [[ "$actual" != "$EXPECTED_SHA256" ]]; then
  echo "sha256 mismatch for lid.176.ftz from $PACKAGE: expected $EXPECTED_SHA256, got $actual" >&2
  exit 1
fi
mv "$tmp/$MEMBER" "$target"
echo "wrote $target (sha256 $actual)"
