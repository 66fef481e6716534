#!/usr/bin/env bash
# The API fuzzed from outside, as a stranger would: schemathesis' CLI against a
# served application (uvicorn, as `make run`), every check, a random seed each run.
# docs/api/fuzzing.md. Usage:
#   bash tests/api/fuzz/external.sh [st run options, e.g. --seed N --max-examples 50]
# A throwaway SQLite database with the demo content unless DATABASE_URL is set;
# the settings module is cms.settings.dev (DEBUG on) unless DJANGO_SETTINGS_MODULE is.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=${PYTHON:-.venv/bin/python}
PORT=${FUZZ_PORT:-$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
WORK=$(mktemp -d)
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
if [[ -z ${DATABASE_URL:-} ]]; then
  export DATABASE_URL=sqlite:///$WORK/db.sqlite3 MEDIA_ROOT=$WORK/media
  $PY manage.py migrate --noinput -v0
  for command in load_opds load_complaint_categories load_search_vocabulary \
      load_holidays load_demo_content; do
    $PY manage.py "$command" >/dev/null
  done
fi
# Rate limits for the fuzz: it sends thousands of requests from one address; the
# throttle still runs on each (no 429 hides an answer from the checks).
for rate in ANON KEY REPORT_SUBMIT REPORT_SUBMIT_KEY REPORT_SUBMIT_EMAIL \
    REPORT_REPLY PPID_SUBMIT PPID_SUBMIT_EMAIL PPID_LINK; do
  export "API_RATE_$rate=1000000/min"
done
$PY -m uvicorn cms.asgi:application --host 127.0.0.1 --port "$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
stop() {
  local status=$?  # schemathesis' verdict, not the stopped server's
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true  # 143: stopped here
  rm -rf "$WORK"
  exit "$status"
}
trap stop EXIT
BASE=http://127.0.0.1:$PORT
.venv/bin/st --config-file tests/api/fuzz/schemathesis.toml run \
  "$BASE/api/v1/schema/" --wait-for-schema 60 --checks all --workers 1 \
  --max-examples "${FUZZ_EXAMPLES:-30}" "$@"
