#!/usr/bin/env bash
# Starts the whole FirstHand system on this machine: PostgreSQL, Kafka, an S3 store, the four services and the
# gateway on http://localhost:8080. No Docker needed. Details: launcher/README.md.
#
#   ./run.sh              build (mvn install, tests skipped), then start; Ctrl-C stops everything
#   ./run.sh --no-build   start what was built last time
#   ./run.sh --reset      delete the data directory (.data/) first: databases, topics, files, credentials
#   ./run.sh --help       every option
set -euo pipefail

caller_dir="$PWD"
cd "$(dirname "${BASH_SOURCE[0]}")"

usage() {
    cat <<'EOF'
Usage: ./run.sh [options]

Builds FirstHand (mvn -B -q install -DskipTests) and starts PostgreSQL, Kafka, an S3 store, the four services
and the gateway on this machine. Ctrl-C stops everything.

Options:
  --port N          gateway port (default 8080)
  --host ADDR       gateway bind address (default 127.0.0.1; 0.0.0.0 to expose it)
  --data-dir DIR    where data, secrets and logs live (default ./.data, env FH_DATA_DIR)
  --reset           delete the data directory first: every database, topic, file and credential
  --no-build        skip 'mvn install' and use the jars already built
  --help            print this help
EOF
}

# run.sh changes directory: make a relative --data-dir or FH_DATA_DIR relative to where it was called from.
absolute() {
    case "$1" in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$caller_dir/$1" ;;
    esac
}

build=true
args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=false ;;
        --help | -h) usage; exit 0 ;;
        --data-dir)
            if [[ $# -lt 2 ]]; then echo "--data-dir needs a value" >&2; exit 2; fi
            args+=("--data-dir" "$(absolute "$2")")
            shift ;;
        --data-dir=*) args+=("--data-dir=$(absolute "${1#--data-dir=}")") ;;
        *) args+=("$1") ;;
    esac
    shift
done
if [[ -n "${FH_DATA_DIR:-}" ]]; then
    FH_DATA_DIR="$(absolute "$FH_DATA_DIR")"
    export FH_DATA_DIR
fi

java_cmd="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_cmd="$JAVA_HOME/bin/java"
fi
if ! command -v "$java_cmd" >/dev/null 2>&1; then
    echo "FirstHand needs Java 17 or later: install a JDK 17 (or set JAVA_HOME)." >&2
    exit 1
fi
java_version="$("$java_cmd" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
if [[ ! "$java_version" =~ ^[0-9]+$ || "$java_version" -lt 17 ]]; then
    echo "FirstHand needs Java 17 or later; $java_cmd is Java ${java_version:-unknown}." >&2
    exit 1
fi

if [[ "$build" == true ]]; then
    if ! command -v mvn >/dev/null 2>&1; then
        echo "Building needs Maven 3.8 or later (mvn); install it, or use --no-build with jars already built." >&2
        exit 1
    fi
    echo "Building FirstHand (mvn -B -q install -DskipTests; the first build downloads dependencies)..."
    mvn -B -q install -DskipTests
fi

launcher_jar="launcher/target/fh-launcher.jar"
if [[ ! -f "$launcher_jar" ]]; then
    echo "$launcher_jar is missing: run ./run.sh without --no-build." >&2
    exit 1
fi

export FH_PROJECT_DIR="${FH_PROJECT_DIR:-$PWD}"
# The launcher stops when this script goes away, even by kill -9 (it polls this pid).
export FH_PARENT_PID="$$"

if ! command -v setsid >/dev/null 2>&1; then
    exec "$java_cmd" -Xmx256m -jar "$launcher_jar" ${args[@]+"${args[@]}"}
fi

# In its own session, Ctrl-C reaches only this script, not every child process at once: the launcher then
# stops the gateway, the services and the infrastructure in that order.
setsid -w "$java_cmd" -Xmx256m -jar "$launcher_jar" ${args[@]+"${args[@]}"} &
launcher_pid=$!
trap 'kill -TERM "$launcher_pid" 2>/dev/null || true' INT TERM HUP
status=0
while true; do
    wait "$launcher_pid" && status=0 || status=$?
    if ! kill -0 "$launcher_pid" 2>/dev/null; then
        break
    fi
done
exit "$status"
