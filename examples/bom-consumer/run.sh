#!/usr/bin/env bash
# A consumer's view of the release: installs the BOM and the modules into the local repository,
# builds this project (which imports only taskqueue-bom and names taskqueue-redis without a version)
# and runs one job on a private redis-server (from PATH) on a free port.
#   examples/bom-consumer/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

echo "== installing taskqueue-bom and taskqueue-redis (with what it needs)" >&2
(cd "$root" && mvn -q install -DskipTests -DskipITs -pl taskqueue-bom,taskqueue-redis -am)
echo "== building the consumer" >&2
mvn -q -f "$here/pom.xml" package

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" --logfile "$dir/redis.log" &
redis_pid=$!
cleanup() { kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
result="$(java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" example.Consumer "redis://127.0.0.1:$port")"
echo "$result"
[ "$result" = '"hello, consumer"' ] || { echo "unexpected result: $result" >&2; exit 1; }
echo "== ok: the job ran through a project that knows only the BOM" >&2
