#!/usr/bin/env bash
# Runs the whole AdStudio test suite the way a fresh Debian machine would: installs what the browser
# tests need (Debian's chromium, and the DejaVu fonts the charts are drawn with) when it is missing,
# then builds with warnings as errors and runs every test.
set -euo pipefail
cd "$(dirname "$0")"

needs=()
[ -x /usr/bin/chromium ] || needs+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needs+=(fonts-dejavu-core)
if [ ${#needs[@]} -gt 0 ]; then
  echo "Installing ${needs[*]} for the browser and chart tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${needs[@]}"
fi

dotnet test AdStudio.sln --configuration Release "$@"
