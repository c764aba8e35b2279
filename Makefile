# dyad — build, test, demo, bench.
#   make            build build/dyad (gcc by default; CC=clang works too)
#   make test       unit + golden + conformance tests, ends with "N passed, N failed"
#   make demo       code the bundled example articles, print events, write demo.db
#   make san        build and run the tests under ASan + UBSan (build-san/)
#   make fuzz       build the libFuzzer harnesses (clang) and run each for FUZZ_SECONDS
#   make setup      install the Debian packages the build needs (apt-get)
#   make bench      benchmark (see bench/README)
# BUILD=dir selects the object directory, so several builds can coexist.

CC      ?= cc
BUILD   ?= build
PKGS    := sqlite3 libutf8proc jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -lutf8proc -ljansson)
MHD_LIBS   := $(shell pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd)
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CFLAGS  += -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lpthread -lm

SRC     := $(sort $(wildcard src/*.c))
OBJ     := $(SRC:src/%.c=$(BUILD)/obj/%.o)
TESTSRC := $(sort $(wildcard tests/test_*.c))
TESTBIN := $(TESTSRC:tests/%.c=$(BUILD)/tests/%)
LIB     := $(BUILD)/libdyad.a
BIN     := $(BUILD)/dyad

.PHONY: all test demo san fuzz setup bench clean unit golden conformance eval check-deps
GAZ     := $(BUILD)/gen/gazetteer.tsv

all: check-deps $(BIN) $(GAZ)

# Generated, never committed: the gazetteer from Debian's iso-codes and
# libgeonames (scripts/gen_gazetteer.sh).
$(GAZ): scripts/gen_gazetteer.sh scripts/gen_gazetteer.c
	@CC=$(CC) sh scripts/gen_gazetteer.sh $(BUILD)/gen

check-deps:
	@pkg-config --exists $(PKGS) libmicrohttpd geonames 2>/dev/null || sh scripts/setup.sh

setup:
	@sh scripts/setup.sh

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS) -c -o $@ $<

$(LIB): $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): cli/dyad.c $(wildcard cli/*.c) $(LIB)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(LIB) $(LDLIBS) $(MHD_LIBS)

$(BUILD)/tests/%: tests/%.c tests/harness.h $(LIB) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS) $(MHD_LIBS)

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

# The test command: setup (if needed), build, run every suite, one summary line.
test: check-deps $(BIN) $(GAZ) $(TESTBIN)
	@sh tests/run.sh $(BUILD)

san:
	$(MAKE) BUILD=build-san CC=$${SAN_CC:-clang} OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test

fuzz:
	@sh fuzz/run.sh $${FUZZ_SECONDS:-60}

demo: check-deps $(BIN) $(GAZ)
	@sh scripts/demo.sh $(BUILD)

bench: check-deps $(BIN) $(GAZ)
	@sh bench/run.sh $(BUILD)

eval: check-deps $(BIN) $(GAZ)
	@sh eval/run.sh $(BUILD)

clean:
	rm -rf build build-*
