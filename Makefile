# tiegraph: the commands a user and CI run. See README.md.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
DB ?= tiegraph.db
PORT ?= 8080

.PHONY: deps build run test eval eval-nlp models bench fuzz clean

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

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

clean:
	rm -rf $(BUILD)
