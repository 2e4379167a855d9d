#!/usr/bin/env bash
# make bench: figures as ratios against a peer measured in the same run.
#   - import of 10,000 measures (measures/s)
#   - lexical matching at 10,000 measures: median and p99 per need, against tantivy on the same corpus and needs
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/.build/release/kompetansebro}
VENV=${KB_VENV:-$ROOT/.venv}
N=${KB_BENCH_MEASURES:-10000}
REPEAT=${KB_BENCH_REPEAT:-20}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import tantivy" 2>/dev/null || "$VENV/bin/pip" install -q tantivy
WORK=$(mktemp -d -t kb-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

python3 "$ROOT/scripts/bench_corpus.py" "$N" "$WORK/catalogue.json" "$WORK/needs.jsonl" \
    "$ROOT/Sources/KompetanseServices/Resources/Demo/demo-catalogue.json"
START=$(date +%s.%N)
"$BIN" import measures "$WORK/catalogue.json" --data "$WORK/data" >/dev/null
END=$(date +%s.%N)
python3 -c "print(f'import: $N tiltak på {$END - $START:.2f} s = {$N / ($END - $START):.0f} tiltak/s (inkludert oppstart av prosessen)')"

OURS=$(env -u KOMPETANSEBRO_EMBEDDINGS_URL "$BIN" match --queries "$WORK/needs.jsonl" --limit 10 --repeat "$REPEAT" \
    --data "$WORK/data" 2>&1 >/dev/null | sed -nE 's/.*median ([0-9.]+) ms, p99 ([0-9.]+) ms.*/\1 \2/p')
PEER=$("$VENV/bin/python" "$ROOT/scripts/bench_tantivy.py" "$WORK/catalogue.json" "$WORK/needs.jsonl" "$REPEAT")
read -r OM OP <<<"$OURS"
read -r TM TP <<<"$PEER"
echo "match, kompetansebro (leksikalsk, $N tiltak): median $OM ms, p99 $OP ms"
echo "match, tantivy (samme korpus og behov):       median $TM ms, p99 $TP ms"
python3 -c "print(f'forhold kompetansebro/tantivy: median {$OM/$TM:.2f}×, p99 {$OP/$TP:.2f}×')"
"$ROOT/scripts/load.sh" "$BIN"
