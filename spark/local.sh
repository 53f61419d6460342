#!/usr/bin/env bash
# spark/local.sh STAGE --master 'local[N]' ARGS...: runs gaan-spark in Spark's local mode without a
# Spark installation (Spark's jars come from the Maven build), e.g.
#   spark/local.sh all --master 'local[2]' --tracks demo/tracks.csv --out spark-out --k 6
# On a cluster, build the job jar and use spark-submit instead (docs/spark.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# compile scope lists compile and provided dependencies: gaan's and Spark's.
mvn -B -q -pl spark -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=compile >&2
export OMP_WAIT_POLICY=PASSIVE
export TORCH_CPP_LOG_LEVEL=${TORCH_CPP_LOG_LEVEL:-ERROR}
exec java ${GAAN_JAVA_OPTS:--Xmx4g} "@$here/spark/java-options" -Dai.djl.offline=true \
  -Dlog4j2.configurationFile="$here/spark/log4j2.properties" \
  -cp "$here/spark/target/classes:$here/core/target/classes:$(cat "$here/spark/target/classpath.txt")" \
  gaan.spark.SparkMain "$@"
