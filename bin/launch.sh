# Shared by the launchers in this folder (sourced, not run): finds a module's jar built by `mvn package`
# and runs its main class with the JVM settings in $1.
# Usage: run_module MODULE JAR_NAME MAIN_CLASS "JVM OPTS" "$@"
run_module() {
  module=$1; jar=$2; main=$3; jvm_opts=$4; shift 4
  root=$(cd "$(dirname "$0")/.." && pwd)
  dir="$root/$module/target"
  if [ ! -f "$dir/$jar" ]; then
    echo "$(basename "$0") is not built yet: run 'mvn -q package -DskipTests' in $root first" >&2
    exit 1
  fi
  java_cmd=java
  [ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"
  # shellcheck disable=SC2086
  exec "$java_cmd" $jvm_opts ${RPI_CONNECT_JAVA_OPTS:-} -cp "$dir/$jar:$dir/lib/*" "$main" "$@"
}
