#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when they are missing: Chromium (browser
# tests), nginx and Apache (the hosting blocks of docs/deploy.md), GDAL (GIS export) and
# LibreOffice Calc (spreadsheet exports). Uses sudo when not root. Then: npm ci && npm test.
set -euo pipefail

PACKAGES=(chromium fonts-dejavu-core nginx-light apache2 gdal-bin libreoffice-calc-nogui)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-machine: not a Debian-like system; install ${PACKAGES[*]} yourself (tests needing them are skipped)." >&2
  exit 0
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup-test-machine: every test package is installed."
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "setup-test-machine: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The tests start their own nginx and Apache on private loopback ports; the system services are left alone.
echo "setup-test-machine: done."
