#!/usr/bin/env bash
# One command: install satloc-parser (and its parent pom, which the installed pom refers to),
# build this standalone JMH project, run it. Prints MB/s for parse and raw read and their ratio.
# Optional argument: number of rounds (default 3; see BenchMain for why rounds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -q install -pl satloc-parser -am -DskipTests)
mvn -q -f "$here/pom.xml" package
exec java -jar "$here/target/benchmarks.jar" "$@"
