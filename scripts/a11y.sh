#!/usr/bin/env bash
# Accessibility gate: drives every page in headless Chromium via selenium + axe-core (axe-selenium-python),
# fails on any WCAG 2.1 A/AA violation or sideways scrolling at 320 px, checks keyboard-only use of the main
# forms and that search works without JavaScript (see scripts/a11y.py). Screenshots land in ./screenshots/
# (git-ignored). Imports two small documents and creates an administrator (with the CLI, a fresh random
# password) first, then starts the server on a free port with demo data; a11y.py signs in through the form and
# checks the account, admin and organisation pages as well.
# Usage: scripts/a11y.sh path/to/kompetansebro
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:?usage: a11y.sh kompetansebro-binary}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
VENV=${KB_VENV:-$ROOT/.venv}
START=$(date +%s)

# Debian packages: Chromium and its WebDriver, only when missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "a11y: installerer ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PyPI packages, only when missing. axe-selenium-python 3 bundles axe-core 4.10 (2.x bundles 3.1.1, from 2018,
# without most WCAG 2.1 rules); 3.0 declares Python >= 3.12 but is plain Python that runs on 3.11, hence the flag.
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" - 2>/dev/null <<'PY' || "$VENV/bin/pip" install -q --ignore-requires-python selenium "axe-selenium-python>=3"
import importlib.metadata as m, selenium, axe_selenium_python
assert int(m.version("axe-selenium-python").split(".")[0]) >= 3
PY
INSTALLED=$(date +%s)
echo "a11y: avhengigheter klare på $((INSTALLED - START)) s" >&2

WORK=$(mktemp -d -t kb-a11y.XXXXXX)
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Two small public documents, so /dokumenter and /sporsmal have content (imported before the server starts).
DOCS="$WORK/docs"
mkdir -p "$DOCS"
cat >"$DOCS/veileder-personvern.txt" <<'EOF'
Veileder om personvern i kommunene

Kommunene skal gi alle ansatte som behandler personopplysninger opplæring i personvern.
Opplæringen bør gjentas hvert annet år og omfatte informasjonssikkerhet og avvikshåndtering.
EOF
printf '%s\n' \
    "Strategi for digital kompetanse i staten" \
    "" \
    "Ledere i staten skal ha kompetanse i digital transformasjon og endringsledelse." \
    $'\f'"Side to: Virksomhetene skal kartlegge kompetansebehovene sine hvert år." >"$DOCS/strategi-digital-kompetanse.txt"
cat >"$DOCS/manifest.jsonl" <<'EOF'
{"file":"veileder-personvern.txt","identifier":"a11y-veileder-personvern","title":"Veileder om personvern i kommunene","documentType":"Veileder","publisher":"Datatilsynet","year":2025}
{"file":"strategi-digital-kompetanse.txt","identifier":"a11y-strategi-digital","title":"Strategi for digital kompetanse i staten","documentType":"Strategi","publisher":"Digitaliseringsdirektoratet","year":2024}
EOF
env -u KOMPETANSEBRO_DATABASE_URL -u KOMPETANSEBRO_EMBEDDINGS_URL \
    "$BIN" import documents "$DOCS" --data "$WORK/data" >"$WORK/import.log" 2>&1 \
    || { echo "a11y: import av dokumenter feilet:" >&2; cat "$WORK/import.log" >&2; exit 1; }

# The first administrator, as an operator would make it (also an editor, so /tilbakemeldinger can be checked).
# A fresh password per run, never a fixed one; bcrypt cost 4 keeps sign-ins fast (for the server too).
export KOMPETANSEBRO_BCRYPT_COST=4
ADMIN_EMAIL=admin@example.no
ADMIN_PASSWORD="a11y-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$ADMIN_PASSWORD" | env -u KOMPETANSEBRO_DATABASE_URL -u KOMPETANSEBRO_EMBEDDINGS_URL \
    "$BIN" user create --data "$WORK/data" --admin --editor --email "$ADMIN_EMAIL" --name "Ada Admin" --password-stdin \
    >"$WORK/user.log" 2>&1 \
    || { echo "a11y: oppretting av administrator feilet:" >&2; cat "$WORK/user.log" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# The public address is this server, so invitation links point here and cookies are not marked Secure.
env -u KOMPETANSEBRO_DATABASE_URL -u KOMPETANSEBRO_EMBEDDINGS_URL KOMPETANSEBRO_PUBLIC_URL="http://127.0.0.1:$PORT" \
    "$BIN" serve --demo --port "$PORT" --data "$WORK/data" \
    >"$WORK/server.log" 2>&1 &
SERVER=$!
ready=""
for _ in $(seq 1 400); do
    if curl -sf "http://127.0.0.1:$PORT/api/v1/openapi.json" >/dev/null; then ready=1; break; fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
done
if [ -z "$ready" ]; then echo "a11y: serveren startet ikke:" >&2; cat "$WORK/server.log" >&2; exit 1; fi

cd "$ROOT"
status=0
KB_A11Y_DOCUMENT=a11y-veileder-personvern KB_A11Y_QUESTION="Hvor ofte bør opplæringen i personvern gjentas?" \
    KB_A11Y_EMAIL="$ADMIN_EMAIL" KB_A11Y_PASSWORD="$ADMIN_PASSWORD" \
    "$VENV/bin/python" "$ROOT/scripts/a11y.py" "http://127.0.0.1:$PORT" || status=$?
echo "a11y: ferdig på $(( $(date +%s) - START )) s (installasjon $((INSTALLED - START)) s)" >&2
exit $status
