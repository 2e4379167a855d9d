#!/usr/bin/env bash
# Load part of `make bench`: wrk (Debian) on loopback against a release server with demo data.
#   1. the plain route /helse and the catalogue page /tiltak, one after the other: throughput ratio; then every
#      kind of public page alone, with throughput and p99;
#   2. the catalogue page, the match API and a write endpoint at the same time for KB_LOAD_SECONDS (30 s),
#      with throughput and p50/p99 latency, then a check that every acknowledged write is in the store.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:?usage: load.sh kompetansebro-binary}
SECONDS_LOAD=${KB_LOAD_SECONDS:-30}
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d -t kb-load.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# An editor's API token, to read the stored feedback back for the lost-write check (the list is for editors).
echo "lasttest-passord-123" | env -u KOMPETANSEBRO_DATABASE_URL KOMPETANSEBRO_BCRYPT_COST=4 "$BIN" user create \
    --data "$WORK/data" --editor --email last@example.no --name Lasttest --password-stdin >/dev/null
TOKEN=$(env -u KOMPETANSEBRO_DATABASE_URL "$BIN" user token --data "$WORK/data" --email last@example.no --label last)
env -u KOMPETANSEBRO_DATABASE_URL -u KOMPETANSEBRO_EMBEDDINGS_URL "$BIN" serve --demo --port "$PORT" --data "$WORK/data" \
    >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/helse" >/dev/null && break; sleep 0.05; done
URL="http://127.0.0.1:$PORT"
rps() { grep -oE 'Requests/sec: +[0-9.]+' "$1" | grep -oE '[0-9.]+$'; }
pct() { grep -E "^ +$2%" "$1" | awk '{print $2}'; }

wrk -t1 -c16 -d10s --latency "$URL/helse" >"$WORK/plain.txt"
wrk -t1 -c16 -d10s --latency "$URL/tiltak" >"$WORK/page.txt"
PLAIN=$(rps "$WORK/plain.txt"); PAGE=$(rps "$WORK/page.txt")
echo "alene: /helse $PLAIN req/s, /tiltak $PAGE req/s (p50 $(pct "$WORK/page.txt" 50), p99 $(pct "$WORK/page.txt" 99))"
python3 -c "print(f'forhold katalogside / enkel rute: {float(\"$PAGE\")/float(\"$PLAIN\"):.3f}')"

# Every kind of public page, one after the other (16 connections, 3 s each, after one request that builds what
# the page keeps, such as the matching engine, whose build time `make bench` reports above): throughput and p99.
MEASURE=$(curl -sf "$URL/api/v1/measures" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["identifier"])')
for path in / "/tiltak/$MEASURE" "/tiltak/finn?behov=gratis+kurs+i+ledelse+for+kommuner" /tilbydere /rammeverk \
    /rammeverk/DI2X /rammeverk/DI2X/DI2X.T.2.1 /rammeverk/dekning /dokumenter /sporsmal /kartlegging /logg-inn; do
    curl -sf "$URL$path" >/dev/null
    wrk -t1 -c16 -d3s --latency "$URL$path" >"$WORK/one.txt"
    printf '  side %-58s %8s req/s, p99 %s%s\n' "$path" "$(rps "$WORK/one.txt")" "$(pct "$WORK/one.txt" 99)" \
        "$(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$WORK/one.txt" | sed 's/^/, /' || true)"
done

wrk -t1 -c8 -d"${SECONDS_LOAD}s" --latency "$URL/tiltak" >"$WORK/mixed-page.txt" &
A=$!
wrk -t1 -c8 -d"${SECONDS_LOAD}s" --latency -s "$ROOT/scripts/load/match.lua" "$URL" >"$WORK/mixed-match.txt" &
B=$!
wrk -t2 -c8 -d"${SECONDS_LOAD}s" --latency -s "$ROOT/scripts/load/write.lua" "$URL" >"$WORK/mixed-write.txt" &
C=$!
wait $A $B $C
for kind in page match write; do
    f="$WORK/mixed-$kind.txt"
    echo "samtidig $kind: $(rps "$f") req/s, p50 $(pct "$f" 50), p99 $(pct "$f" 99), feil: $(grep -oE 'Non-2xx or 3xx responses: [0-9]+' "$f" || echo 0)"
done
ACK=$(grep -oE 'ACKNOWLEDGED [0-9]+' "$WORK/mixed-write.txt" | grep -oE '[0-9]+')
curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/feedback" >"$WORK/feedback.json"
python3 - "$WORK/feedback.json" "$ACK" <<'PY'
import json, sys
items = [f for f in json.load(open(sys.argv[1]))["items"] if f["reference"].startswith("last-")]
acknowledged = int(sys.argv[2])
references = [f["reference"] for f in items]
bad = [f for f in items if f["comment"] != "lasttest" or f["verdict"] != "riktig"]
lost = max(0, acknowledged - len(set(references)))
print(f"skriving: {acknowledged} bekreftet, {len(references)} lagret ({len(set(references))} ulike), {len(bad)} med feil innhold, tapt: {lost}")
sys.exit(1 if lost or bad or len(set(references)) != len(references) else 0)
PY
