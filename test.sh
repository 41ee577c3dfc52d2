#!/usr/bin/env bash
# The test command. The browser checks (Browser.Tests) drive Chromium through chromedriver from the machine's packages:
# install them when missing (Debian/Ubuntu, as root), otherwise say how and stop. Then run every test project.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_BINARY:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
install_command="apt-get update && apt-get install -y chromium chromium-driver"

if [ ! -x "$chromium" ] || [ ! -x "$chromedriver" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium and chromedriver for the browser tests: $install_command"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  else
    echo "The browser tests need Chromium ($chromium) and chromedriver ($chromedriver). Install them as root:" >&2
    echo "  $install_command" >&2
    echo "or set CHROMIUM_BINARY and CHROMEDRIVER to where they are." >&2
    exit 1
  fi
fi

exec dotnet test CorsAnalyzers.sln -c Release "$@"
