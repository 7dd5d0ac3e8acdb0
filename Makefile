# blendscope — the two commands a new machine needs: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/blendscope
DEMO_DIR   := demo
DEMO       := $(DEMO_DIR)/demo.sqlite

VENV       := .venv

.PHONY: run test readme-test fuzz deps build demo bench torch install clean

# Installs what is missing, builds in release, builds the demo project once, opens it.
run: build $(DEMO)
	$(BIN) $(DEMO)

# Installs what is missing, builds, runs every test (unit, store, CLI, end-to-end, and every
# `$ blendscope` example of README.md as written: ReadmeExamplesTests). Under
# BLENDSCOPE_MAKE_TEST a test that needs a tool deps installs (chromium) fails without it
# instead of skipping. The suite runs in two lanes at once (scripts/test-two-lanes.sh): the long
# end-to-end suites beside the unit tests.
test: deps
	$(SWIFT) build --build-tests
	BLENDSCOPE_MAKE_TEST=1 scripts/test-two-lanes.sh

# Every `$ blendscope …` example of README.md, in order, on the release binary (`make test` runs
# the same test on the debug build, whose BlendDemo and BlendMedia are optimised for the demo's
# videos: see Package.swift).
readme-test: build
	$(SWIFT) build --build-tests
	BLENDSCOPE_README_TEST=1 BLENDSCOPE_README_BIN=$(CURDIR)/.build/$(CONFIG) $(SWIFT) test --skip-build --filter ReadmeExamplesTests

# Seeded random mutation over the CSV, .npy/.npz, header-literal, clip-name and project-opener
# parsers (Tests/BlendStoreTests/Fuzz), FUZZ_SECONDS per target from a fresh seed, printed;
# `make fuzz FUZZ_SEED=N` replays one. A crashing input is left in .build/fuzz/TARGET.current.
# (`make test` replays a fixed seed for a few seconds, and the hostile corpus.)
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-tests
	@mkdir -p .build/fuzz
	@# The summary lines only, but the run's own exit status: a crash fails `make fuzz`.
	BLENDSCOPE_FUZZ_SECONDS=$(FUZZ_SECONDS) BLENDSCOPE_FUZZ_DIR=$(CURDIR)/.build/fuzz $(if $(FUZZ_SEED),BLENDSCOPE_FUZZ_SEED=$(FUZZ_SEED)) \
		$(SWIFT) test --skip-build --filter FuzzTests >.build/fuzz/run.log 2>&1; status=$$?; \
		grep -E "^fuzz |error|Executed|passed|failed" .build/fuzz/run.log; exit $$status

deps:
	@scripts/install-deps.sh

# The Swift runtime and Foundation are linked into the binary and it is position-dependent
# (no PIE): loading a dozen shared Swift libraries and applying ~100,000 relative relocations
# was most of a short verb's start-up (issue 16; `make bench`, the startup table). The price: no
# address randomisation of the executable itself (shared libraries keep theirs), a ~115 MB binary.
build: deps
	$(SWIFT) build -c $(CONFIG) --product blendscope --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie

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

# `make install PREFIX=~/.local` (default /usr/local; DESTDIR for packagers): the release binary,
# bash/zsh/fish completions and a man page, both generated from the binary's own help.
# The man page comes from swift-argument-parser's manual generator (built here, offline).
PREFIX     ?= /usr/local
MANUAL_TOOL = $(shell $(SWIFT) build --show-bin-path)/generate-manual-tool
install: build
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration $(CONFIG) >/dev/null
	scripts/install.sh $(BIN) $(PREFIX) $(MANUAL_TOOL)

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
