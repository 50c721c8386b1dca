# revue - build, test and demo. See README.md.
#
#   make          build ./revue (optimised)
#   make deps     install the missing Debian packages (apt-get, idempotent)
#   make check    deps + build under ASan/UBSan + every test; ends "N passed, N failed"
#   make run      deps + build + ingest examples/ into ./revue.db + print the stories

CC      ?= cc
PKGS    := libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libxxhash libcurl libmicrohttpd
# Debian packages: build libraries, then tools the tests use.
DEB_PKGS := build-essential pkg-config libxml2-dev libexttextcat-dev libstemmer-dev \
            libutf8proc-dev libsqlite3-dev libjansson-dev libxxhash-dev zlib1g-dev \
            libcurl4-openssl-dev libmicrohttpd-dev python3 sqlite3 \
            dict-freedict-fra-eng dict-freedict-eng-fra
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -lpthread

WARN    := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CSTD    := -std=c17 -D_GNU_SOURCE
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(CSTD) $(WARN) -Isrc $(PKG_CFLAGS) $(CFLAGS)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC  := $(shell find src -name '*.c' ! -path 'src/cli/main.c' | sort)
CLI_SRC  := src/cli/main.c
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
WEB_SRC  := $(sort $(wildcard src/serve/web/*))

OBJ      := $(LIB_SRC:%.c=build/rel/%.o)
SAN_OBJ  := $(LIB_SRC:%.c=build/san/%.o)
TEST_OBJ := $(TEST_SRC:%.c=build/san/%.o)

.PHONY: all deps check run clean unit e2e eval banned format

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
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/san/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC [san] $<"
	@$(CC) $(ALL_CFLAGS) -O1 $(SAN) -MMD -MP -c -o $@ $<

build/san/revue: $(SAN_OBJ) build/san/src/cli/main.o
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

build/san/test_unit: $(SAN_OBJ) $(TEST_OBJ)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

-include $(shell find build -name '*.d' 2>/dev/null)

deps:
	@./scripts/deps.sh $(DEB_PKGS)

# Unit tests and end-to-end tests, all under ASan+UBSan (LeakSanitizer on).
check: deps
	@$(MAKE) --no-print-directory build/san/revue build/san/test_unit revue build/fr-en.map
	@./tests/run.sh

run: deps
	@$(MAKE) --no-print-directory revue
	@rm -f revue.db revue.db-wal revue.db-shm
	./revue --db revue.db ingest examples
	./revue --db revue.db stories

banned:
	@./scripts/banned.sh

format:
	clang-format -i $$(find src tests -name '*.[ch]')

clean:
	rm -rf build revue revue.db revue.db-wal revue.db-shm
