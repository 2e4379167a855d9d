#!/usr/bin/env bash
# Runs schemathesis (PyPI) against a running server with demo data: every operation of /api/v1/openapi.json,
# all checks (no 5xx, responses valid against the schema, invalid requests refused, valid ones accepted).
# Usage: scripts/schemathesis.sh path/to/kompetansebro
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:?usage: schemathesis.sh kompetansebro-binary}
VENV=${KB_VENV:-$ROOT/.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import schemathesis" 2>/dev/null || "$VENV/bin/pip" install -q schemathesis
WORK=$(mktemp -d -t kb-st.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# An administrator who is also an editor, with an API token, so the operations behind sign-in are exercised too.
export KOMPETANSEBRO_BCRYPT_COST=4
echo "schemathesis-passord-123" | env -u KOMPETANSEBRO_DATABASE_URL "$BIN" user create --data "$WORK/data" --admin --editor \
    --email st@example.no --name Schemathesis --password-stdin >/dev/null
TOKEN=$(env -u KOMPETANSEBRO_DATABASE_URL "$BIN" user token --data "$WORK/data" --email st@example.no --label schemathesis)
env -u KOMPETANSEBRO_DATABASE_URL -u KOMPETANSEBRO_EMBEDDINGS_URL "$BIN" serve --demo --port "$PORT" --data "$WORK/data" \
    >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/api/v1/openapi.json" >/dev/null && break; sleep 0.05; done
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/v1/openapi.json" --url "http://127.0.0.1:$PORT" \
    -H "Authorization: Bearer $TOKEN" \
    --checks all -n "${KB_SCHEMATHESIS_EXAMPLES:-50}" --seed 20261129
