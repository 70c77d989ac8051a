#!/usr/bin/env bash
# One command: BullMQ 6.7.0 (Node) and taskqueue's Redis backend (Java) on the same workloads,
# against ONE private redis-server on a free loopback port with no persistence, 5 repeats.
#   bench/redis/run.sh [repeats=5] [add@1 jobs=2000] [add@64 jobs=20000] [bulk jobs=30000] [drain jobs=30000] [latency jobs=5000]
# Needs: a JDK 17+, Maven, node + npm, redis-server on PATH. Writes bench/redis/target/results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-5}"

echo "== installing the taskqueue snapshot: taskqueue-redis and what it needs (mvn -q install -DskipTests)" >&2
# Only the modules the bench uses (parent, core, servers, testing, redis), so a broken unrelated
# module does not stop the bench.
(cd "$root" && mvn -q install -DskipTests -pl taskqueue-redis -am)
echo "== building the bench" >&2
mvn -q -f "$here/pom.xml" package
echo "== installing bullmq 6.7.0 from the lockfile" >&2
if [ ! -d "$here/node/node_modules/bullmq" ]; then
  # npm ci is strict about other platforms' optional packages the registry may not serve; install
  # still follows the lockfile's pinned versions and integrity hashes.
  (cd "$here/node" && { npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund; })
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
  --maxmemory-policy noeviction --logfile "$dir/redis.log" &
redis_pid=$!
cleanup() { kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
echo "== redis-server $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') on 127.0.0.1:$port (pid $redis_pid)" >&2
cd "$here"
java -Xms1g -Xmx4g -Dbench.nodeDir="$here/node" -jar "$here/target/redis-bench.jar" "$port" "$repeats" "${@:2}"
