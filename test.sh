#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against real Kafka, PostgreSQL and S3Proxy that the
# tests start themselves (no Docker needed).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify "$@"
