# Every target sets up what it needs: `make test` works on a fresh machine with only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: venv install generate check-generated unasync check-unasync lint typecheck docs test test-floor demo bench record spec-drift js-sdk-schemas clean

venv install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# generated/dust_api (openapi-python-client), then dust_ext's resources from openapi/sdk.yaml, then their
# blocking twins.
generate: $(STAMP)
	$(BIN)/python scripts/generate.py
	$(BIN)/python scripts/generate_resources.py
	$(BIN)/python scripts/generate_sync.py

check-generated: $(STAMP)
	$(BIN)/python scripts/generate.py --check
	$(BIN)/python scripts/generate_resources.py --check

# The blocking twins (dust_ext/**/_sync.py) are generated from the hand-written asyncio code (_async.py).
unasync: $(STAMP)
	$(BIN)/python scripts/generate_sync.py

check-unasync: $(STAMP)
	$(BIN)/python scripts/generate_sync.py --check

lint: $(STAMP)
	$(BIN)/ruff check dust_ext tests scripts examples
	$(BIN)/ruff format --check dust_ext tests scripts examples

typecheck: $(STAMP)
	$(BIN)/mypy

# The documentation site, failing on any warning (broken link, missing reference); built into site/.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The suite on every core (pytest-xdist); a test module stays on one worker, with its module fixtures.
PYTEST_WORKERS ?= auto
test: $(STAMP) check-generated check-unasync lint typecheck docs test-floor
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

# The fast core tests (requests, retries, redirects, streams, events, pages, raw responses) on the LOWEST
# versions pyproject.toml accepts for every runtime dependency and the emulator extra, in their own venv:
# scripts/floor_requirements.py reads the floors from pyproject, so raising one there re-creates this venv.
FLOOR_VENV := .venv-floor
FLOOR_STAMP := $(FLOOR_VENV)/.installed-stamp
FLOOR_TESTS := tests/test_http.py tests/test_http_hostile.py tests/test_request_build.py tests/test_retry.py \
	tests/test_redirect.py tests/test_body.py tests/test_streaming.py tests/test_streaming_hostile.py \
	tests/test_events.py tests/test_pagination.py tests/test_raw_responses.py tests/test_large_strings.py \
	tests/test_hostile.py tests/test_cli.py::test_help tests/test_cli.py::test_agents_list_get_search_as_json \
	tests/test_cli.py::test_an_unknown_view_is_a_usage_error_listing_the_valid_ones tests/test_streamed_responses.py tests/test_attempt_deadline.py \
	tests/test_stream_flow.py tests/test_stream_plans.py tests/test_io.py

# The test tools are pinned to the dev extra's versions (they are not what is being tested).
FLOOR_TEST_TOOLS := pytest==9.2.0 pytest-asyncio==1.5.0 hypothesis==6.170.15 pyyaml==6.0.4 jsonschema==4.26.0

$(FLOOR_STAMP): $(STAMP) pyproject.toml scripts/floor_requirements.py Makefile
	test -x $(FLOOR_VENV)/bin/python || $(PYTHON) -m venv $(FLOOR_VENV)
	$(BIN)/python scripts/floor_requirements.py > $(FLOOR_VENV)/floor.txt
	$(FLOOR_VENV)/bin/python -m pip install --quiet -c $(FLOOR_VENV)/floor.txt -e '.[emulator]' \
		$(FLOOR_TEST_TOOLS)
	touch $(FLOOR_STAMP)

test-floor: $(FLOOR_STAMP)
	$(FLOOR_VENV)/bin/python -m pytest -q -p no:cacheprovider -m "not slow" $(FLOOR_TESTS)

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python scripts/bench.py

# Re-records tests/cassettes/ from a local emulator, or from real Dust when DUST_API_KEY is set (then only
# the cassettes that do not need the emulator's scripted agents).
record: $(STAMP)
	$(BIN)/python -m pytest -q --record-mode=rewrite tests/test_cassettes.py \
		-m "$(if $(DUST_API_KEY),cassette and not emulator_scripted,cassette)"

# Prints only what is not in openapi/upstream/intended-divergences.yaml: empty when nothing changed upstream.
spec-drift: $(STAMP)
	$(BIN)/python scripts/spec_drift.py $(or $(UPSTREAM),openapi/upstream/dust-swagger-1.0.2.json) $(if $(JS),--js $(JS))

# Needs node and npm (only this target does): re-converts the official JS SDK's zod schemas.
js-sdk-schemas: $(STAMP)
	$(BIN)/python scripts/refresh_js_sdk_schemas.py $(if $(JS_SDK_VERSION),--version $(JS_SDK_VERSION))

clean:
	rm -rf $(VENV) $(FLOOR_VENV) .mypy_cache .ruff_cache .pytest_cache site
