#!/usr/bin/env bash
# One command: install core, servers, redis and taskqueue-postgres (with the parent pom they refer
# to), build this standalone project, run it. Prints jobs/s with and without the tracker, medians and
# their ratio. Arguments go to the benchmark: [jobs per run] [repeats] [concurrency] [memory|redis|all] [profiles, e.g. noop,io-5ms].
# Uses TASKQUEUE_TEST_POSTGRES_URL when set, else starts a private embedded Postgres; for Redis,
# TASKQUEUE_TEST_REDIS_URL when set, else a private redis-server (no persistence).
# MVN_FLAGS (e.g. -o) go to every mvn call; SKIP_INSTALL=1 uses what is already installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
flags="${MVN_FLAGS:-}"
if [ -z "${SKIP_INSTALL:-}" ]; then
  (cd "$root" && mvn -q $flags install -N \
      && mvn -q $flags install -pl taskqueue-core,taskqueue-servers,taskqueue-redis,taskqueue-postgres -DskipTests)
fi
mvn -q $flags -f "$here/pom.xml" package
exec java -jar "$here/target/tracker-bench.jar" "$@"
