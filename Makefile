# tiegraph: the commands a user and CI run. See README.md.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
DB ?= tiegraph.db
PORT ?= 8080

.PHONY: deps build web run test eval eval-nlp models bench fuzz clean

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

# The web UI (web/dist) is built with npm when npm is installed.
NPM := $(shell command -v npm 2>/dev/null)

build: $(BUILD)/CMakeCache.txt $(if $(NPM),web)
	cmake --build $(BUILD) -j$(JOBS)

# Browser UI: libraries from npm (web/package-lock.json), bundled into web/dist/ (not committed).
web:
ifeq ($(NPM),)
	@echo "web: npm is not installed; the UI is not built (make deps installs it)"
else
	cd web && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build --silent
endif

# Build, ingest the bundled articles into SQLite, print the network report, serve it.
run: deps build
	bash scripts/run.sh $(BUILD) $(DB) $(PORT)

# Build, then pass every test (unit, end-to-end, browser).
test: deps build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# Score claim extraction on the dev article(s) and our own gold documents.
eval: build
	bash scripts/eval.sh $(BUILD) $(SHARED)

# Tagger, parser and NER scores on the standard test splits (needs ../shared/corpora).
eval-nlp: build
	bash scripts/eval-nlp.sh $(BUILD) $(SHARED)

# Retrain every model in models/ from ../shared/corpora (deterministic).
models: build
	bash scripts/train-models.sh $(BUILD) $(SHARED)

bench: build
	bash scripts/bench.sh $(BUILD) $(SHARED)

# libFuzzer targets (clang, ASan+UBSan, in build-fuzz), each for FUZZ_SECONDS (CI: 60). See scripts/fuzz.sh.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

clean:
	rm -rf $(BUILD)
