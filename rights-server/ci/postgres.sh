#!/usr/bin/env bash
# A throw-away PostgreSQL (Debian package postgresql) on 127.0.0.1 for the rights server's
# integration tests. Usage:
#   postgres.sh start DIR   initdb + start in DIR (as user postgres when run as root); writes DIR/postgres.env
#                           with RIGHTS_PG_URL=jdbc:postgresql://127.0.0.1:PORT/rights?user=rights&password=...
#   postgres.sh stop DIR    stop it
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=55432
    while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
    password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    as_owner "umask 077; echo $password > '$dir/pw'"
    as_owner "'$bin/initdb' -D '$dir/data' -U rights -A scram-sha-256 --pwfile='$dir/pw' >'$dir/initdb.log' 2>&1"
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/postgres.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir'\" start >/dev/null"
    as_owner "PGPASSWORD=$password '$bin/createdb' -h 127.0.0.1 -p $port -U rights rights"
    echo "RIGHTS_PG_URL='jdbc:postgresql://127.0.0.1:$port/rights?user=rights&password=$password'" > "$dir/postgres.env"
    echo "postgres: started on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
