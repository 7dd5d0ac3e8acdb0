# blendscope — the two commands a new machine needs: `make run` and `make test`.
SWIFT      ?= swift
CONFIG     ?= release
BIN        := .build/$(CONFIG)/blendscope
DEMO_DIR   := demo
DEMO       := $(DEMO_DIR)/demo.sqlite

.PHONY: run test deps build demo bench clean

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
	$(BIN) demo $(DEMO)

bench: build $(DEMO)
	$(BIN) bench

clean:
	rm -rf .build $(DEMO_DIR)
