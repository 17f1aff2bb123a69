#!/usr/bin/env bash
# Install Timestack's development environment: Debian's QGIS 3.22 and the binary Python
# libraries that must match it, then a venv that sees them (--system-site-packages) with the
# pinned pip requirements on top. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t wanted < <(grep -vE '^\s*(#|$)' requirements-apt.txt)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
    /usr/bin/python3 -m venv --system-site-packages .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
    echo "$want" > "$stamp"
fi
.venv/bin/python -c "import numpy, qgis.core; print('setup: QGIS', qgis.core.Qgis.QGIS_VERSION, '/ numpy', numpy.__version__)"
