#!/usr/bin/env bash
# make eval: runs the development evaluation set (../shared/eval) through the real CLI and scores it,
# next to a peer measured in the same run. Usage: scripts/eval.sh [path to kompetansebro]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVAL=${KB_EVAL_DIR:-$ROOT/../shared/eval}
BIN=${1:-$ROOT/.build/debug/kompetansebro}
[ -d "$EVAL" ] || { echo "eval: fant ikke evalueringssettet i $EVAL (sett KB_EVAL_DIR)" >&2; exit 66; }
WORK=$(mktemp -d -t kb-eval.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

"$BIN" import measures "$EVAL/catalogue.json" --data "$WORK/data" >/dev/null

score() { python3 "$EVAL/score_match.py" "$1" | tr '\n' ' ' | sed 's/  */ /g'; }
ndcg() { python3 "$EVAL/score_match.py" "$1" > "$1.score"; grep -i 'ndcg' "$1.score" | grep -oE '[0-9]+\.[0-9]+' | head -1; }

python3 "$EVAL/build/baseline/bm25_baseline.py" > "$WORK/peer.jsonl"
env -u KOMPETANSEBRO_EMBEDDINGS_URL "$BIN" match --queries "$EVAL/needs.jsonl" --limit 10 --data "$WORK/data" > "$WORK/lexical.jsonl"
echo "matching, peer BM25 (eval/build/baseline): $(score "$WORK/peer.jsonl")"
echo "matching, kompetansebro lexical:           $(score "$WORK/lexical.jsonl")"
PEER=$(ndcg "$WORK/peer.jsonl"); OURS=$(ndcg "$WORK/lexical.jsonl")
python3 -c "print(f'nDCG@10 lexical / peer = {float(\"$OURS\")/float(\"$PEER\"):.3f}')"
if [ -n "${KOMPETANSEBRO_EMBEDDINGS_URL:-}" ]; then
    "$BIN" match --queries "$EVAL/needs.jsonl" --limit 10 --data "$WORK/data" > "$WORK/hybrid.jsonl"
    echo "matching, kompetansebro with embeddings:   $(score "$WORK/hybrid.jsonl")"
    HYB=$(ndcg "$WORK/hybrid.jsonl")
    python3 -c "print(f'nDCG@10 hybrid / peer = {float(\"$HYB\")/float(\"$PEER\"):.3f}')"
fi
"$BIN" import documents "$EVAL/docs" --data "$WORK/data" >/dev/null
"$BIN" ask --questions "$EVAL/qa.jsonl" --json --data "$WORK/data" > "$WORK/answers.jsonl"
"$BIN" ask --questions "$EVAL/qa.jsonl" --json --group ledergruppe --data "$WORK/data" > "$WORK/answers_ledergruppe.jsonl"
echo "spørsmål, anonym:"
python3 "$EVAL/score_ask.py" --docs "$EVAL/docs" "$WORK/answers.jsonl" | sed 's/^/  /'
echo "spørsmål, som ledergruppe:"
python3 "$EVAL/score_ask.py" --docs "$EVAL/docs" --group ledergruppe "$WORK/answers_ledergruppe.jsonl" | sed 's/^/  /'
# The larger dev sets of questions (../shared/eval/ask2/a and b): PDFs with tables, HTML, Markdown, nb/nn/en.
for SET in "$EVAL"/ask2/*/; do
    [ -f "$SET/qa.jsonl" ] || continue
    NAME=$(basename "$SET")
    "$BIN" import documents "$SET/docs" --data "$WORK/ask2-$NAME" >/dev/null
    "$BIN" ask --questions "$SET/qa.jsonl" --json --data "$WORK/ask2-$NAME" > "$WORK/ask2-$NAME.jsonl"
    "$BIN" ask --questions "$SET/qa.jsonl" --json --group ledergruppe --data "$WORK/ask2-$NAME" > "$WORK/ask2-$NAME-ledergruppe.jsonl"
    echo "spørsmål ask2/$NAME, anonym:"
    python3 "$EVAL/score_ask.py" --qa "$SET/qa.jsonl" --docs "$SET/docs" "$WORK/ask2-$NAME.jsonl" | sed 's/^/  /'
    echo "spørsmål ask2/$NAME, som ledergruppe:"
    python3 "$EVAL/score_ask.py" --qa "$SET/qa.jsonl" --docs "$SET/docs" --group ledergruppe "$WORK/ask2-$NAME-ledergruppe.jsonl" | sed 's/^/  /'
done
if [ -n "${KB_EVAL_KEEP:-}" ]; then cp "$WORK"/*.jsonl "$KB_EVAL_KEEP"/; fi
