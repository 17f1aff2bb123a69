#!/usr/bin/env bash
# Start the QGIS desktop application (qgis.bin) with the built Timestack plugin on its plugin path.
# PATH and PYTHONPATH are prepared as in qgis_process.sh. Without a display (CI, ssh) it runs on a
# virtual X screen (xvfb-run): the offscreen Qt platform crashes QGIS 3.22's main window (its clipboard).
# Arguments go to qgis.bin, e.g. --profiles-path DIR --code script.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vE 'pyenv|\.venv|/venv/|conda' | paste -sd: -)
site=$(ls -d "$root"/.venv/lib/python3*/site-packages 2>/dev/null | head -n 1)
export PATH="$clean_path"
export QGIS_PLUGINPATH="${QGIS_PLUGINPATH:-$root/build/package}"
export PYTHONPATH="${site}${PYTHONPATH:+:$PYTHONPATH}"
unset PYTHONHOME VIRTUAL_ENV QT_QPA_PLATFORM
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a qgis.bin --nologo --noversioncheck "$@"
fi
exec qgis.bin --nologo --noversioncheck "$@"
