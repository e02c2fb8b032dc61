# takehome — see README.md. `make demo` and `make test` install missing system packages as root.
SWIFT ?= swift
RELEASE_BIN := .build/release/takehome
# Release builds link the Swift runtime and Foundation in: no symbol lookups across a dozen shared
# libraries at start and no PLT hop on every retain and release (make bench: about 6 % of a metrics run).
# Every module, the dependencies too, reaches concrete generic types' metadata through accessor
# functions (Package.swift sets this for takehome's own targets only: a package cannot give its
# dependencies unsafe flags). Otherwise argument-parser's `Set<Name>` or `Range<Int>` is resolved by
# name, each generic requirement a search of all 11 800 protocol conformances of the binary: bench
# corpus, 50 alternating pairs, wall -0.7 ms paired, CPU -1.3 ms; same output.
RELEASE := -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors

.PHONY: build deps demo test bench audit clean compare-lizard calibrate

build: deps
	$(SWIFT) build $(RELEASE) --product takehome

deps:
	@bash .ci/deps.sh

demo: build
	@TAKEHOME=$(RELEASE_BIN) bash .ci/demo.sh

test:
	@bash .ci/deps.sh --with-test-tools
	$(SWIFT) build --build-tests
	@SWIFT=$(SWIFT) bash .ci/swift-test.sh
	.build/debug/takehome sandbox audit

# The attack corpus (Sandbox/attacks) against the debug build; `make audit CONFIG=release` for release.
CONFIG ?= debug
audit: deps
	$(SWIFT) build $(if $(filter release,$(CONFIG)),$(RELEASE),-c $(CONFIG)) --product takehome
	.build/$(CONFIG)/takehome sandbox audit

bench: deps
	@python3 -c 'import lizard' 2>/dev/null || python3 -m pip install -q lizard || python3 -m pip install -q --break-system-packages lizard
	$(SWIFT) build $(RELEASE) --product takehome-bench
	$(SWIFT) build $(RELEASE) --product takehome
	.build/release/takehome-bench

# lizard and takehome on the same real code found on this machine: functions matched, % same CCN.
compare-lizard: build
	python3 .ci/compare-lizard.py --takehome $(RELEASE_BIN)

# Grades the reference, the samples and the calibration samples, prints the table by style and checks
# the orderings (docs/metrics.md, "Calibration"). Minutes: every sample runs its mutants.
calibrate: build
	python3 .ci/calibrate.py --takehome $(RELEASE_BIN)

clean:
	rm -rf .build out
