#!/usr/bin/env bash
# Starts the built service with no DATABASE_URL (embedded PostgreSQL under a fresh DATA_DIR),
# checks it answers, restarts it and checks that users and sessions were kept.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"
log="$data_dir/service.log"
pid=

cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

start() {
  DATA_DIR="$data_dir/data" PORT="$port" HOST=127.0.0.1 NODE_ENV=development node dist/main.js >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$base/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "smoke: the service did not become ready; its log:" >&2
  cat "$log" >&2
  exit 1
}

stop() {
  kill -TERM "$pid"
  wait "$pid" || true
  pid=
}

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

npm run build >/dev/null
start
curl -fsS "$base/health/ready"
echo
curl -fsS -X POST "$base/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"smoke@example.test","password":"smoke-password"}' >/dev/null
login=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"smoke@example.test","password":"smoke-password"}')
refresh=$(echo "$login" | json refreshToken)
created=$(curl -fsS -X POST "$base/api/v1/tokens" -H 'content-type: application/json' \
  -H "authorization: Bearer $(echo "$login" | json accessToken)" \
  -d '{"name":"smoke","scopes":["tokens:read"]}')
api_token=$(echo "$created" | json token)
api_token_id=$(echo "$created" | json id)
curl -fsS "$base/api/v1/tokens/current" -H "authorization: Bearer $api_token" >/dev/null
curl -fsS "$base/docs-json" >/dev/null
stop
if pgrep -f "$data_dir/data/postgres" >/dev/null; then
  echo "smoke: PostgreSQL still running after shutdown" >&2
  exit 1
fi

start
access=$(curl -fsS -X POST "$base/api/v1/auth/refresh" -H 'content-type: application/json' \
  -d "{\"refreshToken\":\"$refresh\"}" | json accessToken)
curl -fsS "$base/api/v1/auth/me" -H "authorization: Bearer $access" >/dev/null
# The last use of the API token was written at shutdown (read with the session: a use by the
# token itself on this run would show in its view before any write).
last_used=$(curl -fsS "$base/api/v1/tokens/$api_token_id" -H "authorization: Bearer $access" | json lastUsedAt)
if [ "$last_used" = "null" ] || [ -z "$last_used" ]; then
  echo "smoke: the API token's last use was not kept across the restart" >&2
  exit 1
fi
curl -fsS "$base/api/v1/tokens/current" -H "authorization: Bearer $api_token" >/dev/null
# The CLI beside the running service, on its embedded PostgreSQL: an admin, then a purge.
echo 'smoke-admin-password' | DATA_DIR="$data_dir/data" npm run -s cli -- create-admin \
  --email admin@example.test --password-stdin
DATA_DIR="$data_dir/data" npm run -s purge -- --dry-run
admin=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@example.test","password":"smoke-admin-password"}' | json accessToken)
curl -fsS "$base/api/v1/admin/jobs" -H "authorization: Bearer $admin" >/dev/null
stop
echo "smoke: passed (started, served, restarted with users, sessions and API tokens kept, CLI beside it, stopped cleanly)"
