#!/usr/bin/env bash
# Run qgis_process with the built Timestack plugin enabled.
# Debian's /usr/bin/qgis_process wrapper passes a flag 3.22 rejects, so call qgis_process.bin.
# qgis_process embeds Debian's Python and finds its standard library through the first python3
# on PATH: pyenv/venv entries on PATH make it load the wrong one and crash, so they are removed.
# The venv's site-packages go on PYTHONPATH so the plugin finds its pip dependencies.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vE 'pyenv|\.venv|/venv/|conda' | paste -sd: -)
site=$(ls -d "$root"/.venv/lib/python3*/site-packages 2>/dev/null | head -n 1)
export PATH="$clean_path"
export QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="${QGIS_PLUGINPATH:-$root/build/package}"
export PYTHONPATH="${site}${PYTHONPATH:+:$PYTHONPATH}"
unset PYTHONHOME VIRTUAL_ENV
# Enabling starts QGIS once more (seconds): only when the profile in use (QGIS_CUSTOM_CONFIG_PATH's,
# as pytest-qgis sets it, else the user's) does not have it enabled yet.
profiles="${QGIS_CUSTOM_CONFIG_PATH:-${XDG_DATA_HOME:-$HOME/.local/share}/QGIS/QGIS3}/profiles"
settings="$profiles/default/QGIS/QGIS3.ini"
if ! grep -qx 'timestack=true' "$settings" 2>/dev/null; then
    qgis_process.bin plugins enable timestack >/dev/null 2>&1 || true
fi
exec qgis_process.bin "$@"
