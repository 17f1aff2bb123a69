# Timestack developer commands; README.md explains them.
PYTHON := .venv/bin/python
export QT_QPA_PLATFORM := offscreen

.PHONY: setup test lint build package deploy demo screenshots bench transup transcompile qgis-process qgis-desktop clean

setup:
	bash scripts/setup.sh

test: build
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check timestack tests bench scripts
	$(PYTHON) -m ruff format --check timestack tests bench scripts
	$(PYTHON) -m mypy

build:
	$(PYTHON) scripts/package.py build

# plugins.qgis.org needs the release's contact fields: make package EMAIL=... TRACKER=... REPOSITORY=...
package:
	$(PYTHON) scripts/package.py zip --email "$(EMAIL)" --tracker "$(TRACKER)" --repository "$(REPOSITORY)"

deploy:
	$(PYTHON) scripts/package.py deploy

demo: build
	$(PYTHON) scripts/demo.py

screenshots:
	$(PYTHON) scripts/screenshots.py

bench:
	@failed=""; for script in bench/bench_*.py; do echo "== $$script"; $(PYTHON) $$script || failed="$$failed $$script"; done; \
	if [ -n "$$failed" ]; then echo "bench: targets missed or errors in:$$failed"; exit 1; fi

transup:
	pylupdate5 -noobsolete $$(find timestack -name '*.py') -ts i18n/timestack_fr.ts

transcompile:
	lrelease i18n/*.ts

qgis-process: build
	scripts/qgis_process.sh $(ARGS)

qgis-desktop: build
	scripts/qgis_desktop.sh $(ARGS)

clean:
	rm -rf build dist demo-output
