# revue - build, test and demo. See README.md.
#
#   make          build ./revue (optimised)
#   make deps     install the missing Debian packages (apt-get, idempotent)
#   make check    deps + build under ASan/UBSan + every test; ends "N passed, N failed"
#   make run      deps + build + ingest examples/ into ./revue.db + print the stories

CC      ?= cc
PKGS    := libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libdeflate libxxhash libcurl libmicrohttpd
# Debian packages: build libraries, then tools the tests use.
DEB_PKGS := build-essential pkg-config libxml2-dev libexttextcat-dev libstemmer-dev \
            libutf8proc-dev libsqlite3-dev libjansson-dev libxxhash-dev zlib1g-dev libdeflate-dev \
            libcurl4-openssl-dev libmicrohttpd-dev python3 sqlite3 curl chromium nodejs wrk \
            dict-freedict-fra-eng dict-freedict-eng-fra
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -lpthread

WARN    := -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-unused-parameter
CSTD    := -std=c17 -D_GNU_SOURCE
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(CSTD) $(WARN) -Isrc $(PKG_CFLAGS) $(CFLAGS)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC  := $(shell find src -name '*.c' ! -path 'src/cli/main.c' | sort)
CLI_SRC  := src/cli/main.c
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
WEB_SRC  := $(sort $(wildcard src/serve/web/*))

OBJ      := $(LIB_SRC:%.c=build/rel/%.o) build/rel/build/gen/web_assets.o
SAN_OBJ  := $(LIB_SRC:%.c=build/san/%.o) build/san/build/gen/web_assets.o
TEST_OBJ := $(TEST_SRC:%.c=build/san/%.o)

.PHONY: all deps check run clean unit e2e eval banned format fuzz lint
.SECONDARY:

# Fuzzing (libFuzzer, clang): one target per reader of outside input, in fuzz/.
FUZZ_SRC     := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_TARGETS := $(FUZZ_SRC:fuzz/%.c=%)
FUZZ_CFLAGS   = $(CSTD) -Isrc $(PKG_CFLAGS) -O1 -g -fsanitize=fuzzer-no-link,address,undefined
FUZZ_OBJ     := $(LIB_SRC:%.c=build/fuzz/%.o) build/fuzz/build/gen/web_assets.o
FUZZ_SECONDS ?= 60
REPLAY_BINS  := $(FUZZ_TARGETS:%=build/san/replay_%)

all: revue build/fr-en.map

# The French->English stem map for cross-language grouping, generated from
# the installed FreeDict dictionaries (GPL data: built here, never committed).
# Empty when they are absent: grouping then works without it.
DICTD := /usr/share/dictd
build/fr-en.map: build/rel/tools/mkmap.o $(OBJ)
	@if [ -f $(DICTD)/freedict-fra-eng.index ] && [ -f $(DICTD)/freedict-eng-fra.index ]; then \
		$(CC) $(CFLAGS) -o build/mkmap $^ $(PKG_LIBS) && \
		./build/mkmap $(DICTD)/freedict-fra-eng $(DICTD)/freedict-eng-fra $@; \
	else : > $@; fi

revue: $(OBJ) build/rel/src/cli/main.o
	@echo "LD $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/san/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC [san] $<"
	@$(CC) $(ALL_CFLAGS) -O1 $(SAN) -MMD -MP -c -o $@ $<

build/san/revue: $(SAN_OBJ) build/san/src/cli/main.o
	@echo "LD $@"
	@$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

build/san/test_unit: $(SAN_OBJ) $(TEST_OBJ)
	@echo "LD $@"
	@$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# The web page (src/serve/web/) compiled into the binary.
build/gen/web_assets.c: $(WEB_SRC) scripts/embed_web.sh
	@mkdir -p $(dir $@)
	@echo "GEN $@"
	@./scripts/embed_web.sh $@ $(WEB_SRC)

-include $(shell find build -name '*.d' 2>/dev/null)

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC [fuzz] $<"
	@clang $(FUZZ_CFLAGS) -c -o $@ $<

build/fuzz/bin/%: build/fuzz/fuzz/%.o $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@clang -fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS)

# Each corpus replayed under gcc's sanitizers, without libFuzzer (make check).
build/san/replay_%: build/san/fuzz/%.o build/san/fuzz/replay.o $(SAN_OBJ)
	@echo "LD $@"
	@$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# make fuzz [FUZZ_SECONDS=N] [FUZZ_TARGETS=fuzz_html]: run each target, keeping
# what it finds in build/fuzz/corpus; crashes land in build/fuzz/crash-*.
fuzz: $(FUZZ_TARGETS:%=build/fuzz/bin/%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$${t#fuzz_}; \
		dict=""; [ -f fuzz/dict/$${t#fuzz_}.dict ] && dict="-dict=fuzz/dict/$${t#fuzz_}.dict"; \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		build/fuzz/bin/$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=262144 \
			-artifact_prefix=build/fuzz/crash-$$t- $$dict -print_final_stats=1 \
			build/fuzz/corpus/$${t#fuzz_} fuzz/corpus/$${t#fuzz_} 2>&1 | grep -E 'stat::number_of_executed_units|ERROR|crash' ; \
	done

deps:
	@./scripts/deps.sh $(DEB_PKGS)

# Unit tests and end-to-end tests, all under ASan+UBSan (LeakSanitizer on).
check: deps
	@$(MAKE) --no-print-directory build/san/revue build/san/test_unit revue build/fr-en.map $(REPLAY_BINS)
	@./scripts/banned.sh
	@./tests/run.sh

# The French-English term map too: without it a French and an English report
# of one happening meet on their names alone.
run: deps
	@$(MAKE) --no-print-directory revue build/fr-en.map
	@rm -f revue.db revue.db-wal revue.db-shm
	./revue --db revue.db ingest examples
	./revue --db revue.db stories

banned:
	@./scripts/banned.sh

# Static analysis: cppcheck and clang-tidy (configuration in .clang-tidy).
# cppcheck does not read system headers, so library iteration macros
# (jansson's json_array_foreach) are unknown to it: unknownMacro is suppressed.
lint:
	@cppcheck --enable=warning,performance,portability --std=c11 --error-exitcode=1 \
		--quiet --inline-suppr -Isrc --suppress=missingIncludeSystem --suppress=unknownMacro src
	@for f in $(LIB_SRC) $(CLI_SRC); do \
		clang-tidy --quiet $$f -- $(CSTD) -Isrc $(PKG_CFLAGS) 2>/dev/null || exit 1; \
	done
	@echo "lint: clean"

format:
	clang-format -i $$(find src tests -name '*.[ch]')

clean:
	rm -rf build revue revue.db revue.db-wal revue.db-shm
