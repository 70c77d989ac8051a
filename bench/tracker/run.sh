#!/usr/bin/env bash
# One command: install core, testing and taskqueue-postgres (with the parent pom they refer to),
# build this standalone project, run it. Prints jobs/s with and without the tracker, medians and
# their ratio. Arguments go to the benchmark: [jobs per run] [repeats] [concurrency].
# Uses TASKQUEUE_TEST_POSTGRES_URL when set, else starts a private embedded Postgres.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q install -N && mvn -q install -pl taskqueue-core,taskqueue-testing,taskqueue-postgres -DskipTests)
mvn -q -f "$here/pom.xml" package
exec java -jar "$here/target/tracker-bench.jar" "$@"
