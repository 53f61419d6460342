#!/usr/bin/env bash
# bench/run.sh AREA [args...]: builds what it needs and prints one JSON object on stdout.
# Areas: features, text, vae, cluster, report, demo, quality, scale, spark. Each is a class gaan.bench.<Area>Bench under core/src/test/java;
# features --librosa PYTHON also times librosa's descriptors (bench/librosa_descriptors.py) in the same sitting.
# spark's is under spark/src/test/java (the gaan-spark module).
# Progress goes to stderr so stdout stays machine-readable.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
area="${1:?usage: bench/run.sh AREA (features|text|vae|cluster|report|demo|quality|scale|spark) [args...]}"
shift
class="gaan.bench.$(tr '[:lower:]' '[:upper:]' <<<"${area:0:1}")${area:1}Bench"
module=core
jvm=()
if [[ "$area" == spark ]]; then
  module=spark
  jvm=("@$here/spark/java-options")
fi
cd "$here"
mvn -B -q -pl "$module" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
  -Dmdep.includeScope=test >&2
cd "$here/$module"
export OMP_WAIT_POLICY=PASSIVE
# glibc would hand libtorch's large activation buffers back to the OS after every training step
# (page faults each step); keeping them costs ~90 MB and saves ~30 % of ConvVAE time.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-268435456}" MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
exec java -Xmx8g "${jvm[@]}" -Dai.djl.offline=true -Dgaan.fixtures="$here/core/src/test/fixtures" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$class" "$@"
