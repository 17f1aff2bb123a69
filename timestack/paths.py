"""Where the plugin's files are, in the source tree and in the installed plugin alike.

In the installed plugin (the zip QGIS installs) ``resources/`` sits inside the package folder;
in the source tree it sits beside ``timestack/`` (DESIGN.md's layout). Resolving both here keeps
every other module free of that difference.
"""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = (
    PLUGIN_DIR / "resources" if (PLUGIN_DIR / "resources").is_dir() else PLUGIN_DIR.parent / "resources"
)
I18N_DIR = PLUGIN_DIR / "i18n" if (PLUGIN_DIR / "i18n").is_dir() else PLUGIN_DIR.parent / "i18n"
#: The README, which holds one section per algorithm (their help pages).
README = PLUGIN_DIR / "README.md" if (PLUGIN_DIR / "README.md").is_file() else PLUGIN_DIR.parent / "README.md"
