# blendscope — the two commands a new machine needs: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/blendscope
DEMO_DIR   := demo
DEMO       := $(DEMO_DIR)/demo.sqlite

VENV       := .venv

.PHONY: run test deps build demo bench torch clean

# Installs what is missing, builds in release, builds the demo project once, opens it.
run: build $(DEMO)
	$(BIN) $(DEMO)

# Installs what is missing, builds, runs every test (unit, store, CLI, end-to-end).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product blendscope

$(DEMO): | build
	$(BIN) demo $(DEMO)

demo: build
	rm -f $(DEMO) $(DEMO)-wal $(DEMO)-shm
	rm -rf $(DEMO_DIR)/demo.files
	$(BIN) demo $(DEMO)

# The in-process figures, then whole-process latency of short verbs on the demo (beside a Swift
# hello world built in the same run).
bench: build $(DEMO)
	$(BIN) bench --startup --startup-project $(DEMO)

# PyTorch for `blendscope bench --train` (not needed by `make test`): a venv with torch and numpy
# from PyPI. PyPI's Linux torch wheel (0.5 GB) pulls in the CUDA libraries even for CPU use:
# 5.4 GB installed, 3 GB of it CUDA.
torch: $(VENV)/.torch-installed
$(VENV)/.torch-installed:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet torch numpy
	touch $@

clean:
	rm -rf .build $(DEMO_DIR)
