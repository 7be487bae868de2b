#!/usr/bin/env bash
# Runs every test of memtrack: unit tests, integration tests with real JVMs (JDK 17 and 25).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B verify "$@"
