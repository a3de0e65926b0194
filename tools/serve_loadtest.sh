#!/bin/bash
# One load test of werkmatch-server on this machine (docs/SERVING.md, "Measured").
#
#   tools/serve_loadtest.sh POPDIR PORT [loadtest options...]
#
# Starts the release server on POPDIR/{seekers,vacancies,employers}.jsonl with a fresh data directory
# (the load test's consistency check needs the server at version 0 of those files), prints the start
# time, the server's resident memory and the load average on stderr, runs examples/loadtest against it
# (its JSON object on stdout), stops the server with SIGTERM (the shutdown log has the writer's time by
# phase) and removes the data directory. SERVER_ARGS adds server options, e.g. "--audit-log FILE".
# Needs curl. Build first: cargo build --release -p werkmatch-server && cargo build --release -p werkmatch --example loadtest
set -eu
POP=$1 PORT=$2
shift 2
BIN=${CARGO_TARGET_DIR:-target}/release
export WERKMATCH_TOKEN=loadtest-token-0123456789
DATA=$(mktemp -d)
START=$(date +%s%N)
# shellcheck disable=SC2086 # SERVER_ARGS is a list of options
"$BIN/werkmatch-server" --seekers "$POP/seekers.jsonl" --vacancies "$POP/vacancies.jsonl" \
  --employers "$POP/employers.jsonl" --data-dir "$DATA" --bind "127.0.0.1:$PORT" --log-requests false \
  ${SERVER_ARGS:-} 2>"$DATA.log" &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do
  sleep 0.1
  kill -0 "$SERVER" 2>/dev/null || { cat "$DATA.log" >&2; exit 1; }
done
echo "start_ms $(( ($(date +%s%N) - START) / 1000000 ))" >&2
grep VmRSS "/proc/$SERVER/status" >&2
uptime >&2
rc=0
"$BIN/examples/loadtest" --url "http://127.0.0.1:$PORT" --token "$WERKMATCH_TOKEN" --seekers "$POP/seekers.jsonl" \
  --vacancies "$POP/vacancies.jsonl" --employers "$POP/employers.jsonl" "$@" || rc=$?
echo >&2
grep -E "VmRSS|VmHWM" "/proc/$SERVER/status" >&2
uptime >&2
kill -TERM "$SERVER"
wait "$SERVER" || true
grep -E "loaded and indexed|writes:|shut down" "$DATA.log" >&2
rm -rf "$DATA" "$DATA.log"
exit $rc
