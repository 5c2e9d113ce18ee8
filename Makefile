# mentorbbs: one plain Makefile composed from named variables.
#   make            build ./mentorbbs
#   make run        build, create keys and database, serve on 127.0.0.1:2222
#   make test       unit + end-to-end tests; ends with "N passed, N failed"
#   make asan-test  the same suite under AddressSanitizer + UBSan
#   make fault-test kill -9, disk full, a locked database, stop (tests/fault)
#   make bench      benchmarks (figures, never pass/fail)
#   make fuzz       every libFuzzer target in tests/fuzz, FUZZ_SECONDS each

CC      ?= cc
PKGS    := libssh ncursesw sqlite3 libsodium inih libseccomp
STD     := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wwrite-strings -Wimplicit-fallthrough
OPT     ?= -O2 -g
HARDEN  := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
HLDFLAGS:= -pie -Wl,-z,relro,-z,now
SAN     ?=
DEFS    ?=
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL = $(STD) $(WARN) $(OPT) $(HARDEN) $(SAN) $(DEFS) -iquote src -iquote build $(PKG_CFLAGS) -MMD -MP $(CFLAGS)
LDFLAGS_ALL = $(HLDFLAGS) $(SAN) $(LDFLAGS)
LIBS    = $(PKG_LIBS) -lutil

B       ?= build
BIN     ?= mentorbbs
PREFIX  ?= /usr/local
DESTDIR ?=

# The folders are the layers (docs/architecture.md); tests/check-layers
# keeps their #include lines pointing one way.
LAYERS  := lib rules db ui screens ssh cli
SRC     := $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
OBJ     := $(SRC:src/%.c=$(B)/%.o) $(B)/gen-sql.o $(B)/gen-screens.o
SQL     := $(sort $(wildcard db/migrations/*.sql)) $(sort $(wildcard db/seed/*.sql))
SCREENS := $(sort $(wildcard screens/*.txt))
TSRC    := $(wildcard tests/unit/*.c)
TOBJ    := $(TSRC:tests/unit/%.c=$(B)/t-%.o)
# One libFuzzer target per parser of untrusted input: tests/fuzz/fuzz-NAME.c,
# linked against the library (the linker takes the objects it needs), run
# by tests/fuzz/run on a copy of tests/fuzz/corpus/NAME.
FUZZ_NAMES := $(sort $(patsubst tests/fuzz/fuzz-%.c,%,$(wildcard tests/fuzz/fuzz-*.c)))
FUZZ_BINS  := $(FUZZ_NAMES:%=$(B)/fuzz-%)
FUZZ_SAN   := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS ?= 30

.PHONY: all deps run test unit e2e asan-test fault-test fuzz fuzz-bins bench install uninstall clean
all: $(BIN)

# Checks the Debian packages once per build dir; installs them when root.
$(B)/.deps-ok: .ci/install-deps
	@mkdir -p $(B)
	@sh .ci/install-deps build
	@touch $@
deps: $(B)/.deps-ok

$(BIN): $(B)/.deps-ok $(B)/mentorbbs.o $(B)/libmentorbbs.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(B)/mentorbbs.o $(B)/libmentorbbs.a $(LIBS)

$(B)/libmentorbbs.a: $(OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/%.o: src/%.c $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

# Migrations and seed data are compiled into the binary so it runs from anywhere.
$(B)/gen-sql.c: $(SQL) src/db/embed-sql.sh
	@mkdir -p $(B)
	sh src/db/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@
$(B)/gen-sql.o: $(B)/gen-sql.c
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

# So are the shipped screens: the built-in text is the file itself.
$(B)/gen-screens.c: $(SCREENS) src/ui/embed-screens.sh
	@mkdir -p $(B)
	sh src/ui/embed-screens.sh $(SCREENS) > $@.tmp && mv $@.tmp $@
$(B)/gen-screens.o: $(B)/gen-screens.c
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(B)/t-%.o: tests/unit/%.c $(B)/.deps-ok
	@mkdir -p $(B)
	$(CC) $(CFLAGS_ALL) -iquote tests/unit -c -o $@ $<

$(B)/unit-tests: $(TOBJ) $(B)/libmentorbbs.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(TOBJ) $(B)/libmentorbbs.a $(LIBS)

run: $(BIN)
	./mentorbbs serve

unit: $(B)/unit-tests
	$(B)/unit-tests

test: $(BIN) $(B)/unit-tests $(B)/libssh-client
	@sh .ci/install-deps test
	@E2E_LIBSSH_CLIENT=$(abspath $(B)/libssh-client) bash tests/run --unit $(B)/unit-tests --bin ./mentorbbs

# The clients of the matrix are not under test: the plain build's.
asan-test: $(B)/libssh-client
	$(MAKE) B=build-asan CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" \
	  HARDEN="-fPIE" BIN=build-asan/mentorbbs build-asan/mentorbbs build-asan/unit-tests
	@sh .ci/install-deps test
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  E2E_LIBSSH_CLIENT=$(abspath $(B)/libssh-client) bash tests/run --unit build-asan/unit-tests --bin build-asan/mentorbbs --asan

# The client matrix's libssh client (tests/e2e/22-client-libssh.sh): a
# program of its own, linked against libssh only, none of mentorbbs.
$(B)/libssh-client: tests/clients/libssh-client.c $(B)/.deps-ok
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(shell pkg-config --libs libssh)

# The fault cases drive the real server and a writer that posts through
# the data layer (tests/fault/writer.c).
$(B)/fault-writer: tests/fault/writer.c $(B)/libmentorbbs.a
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(B)/libmentorbbs.a $(LIBS)

fault-test: $(BIN) $(B)/fault-writer
	@sh .ci/install-deps test
	@FAULT_WRITER=$(abspath $(B)/fault-writer) bash tests/run --bin ./$(BIN) --cases tests/fault

# The library is instrumented for coverage (fuzzer-no-link); only the
# targets link libFuzzer's main. A crash, a sanitizer report or a broken
# invariant (abort) fails the run.
fuzz:
	@sh .ci/install-deps test
	$(MAKE) B=build-fuzz CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" HARDEN="-fPIE" fuzz-bins
	sh tests/fuzz/run build-fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-bins: $(FUZZ_BINS)

$(B)/fuzz-%: tests/fuzz/fuzz-%.c $(B)/libmentorbbs.a
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer $(LDFLAGS_ALL) -o $@ $< $(B)/libmentorbbs.a $(LIBS)

bench: $(BIN)
	@sh tests/bench/run ./mentorbbs

# The installed layout (with PREFIX=/usr: config in /etc, state in
# /var/lib/mentorbbs, units in /usr/lib/systemd/system). The installed
# binary is built apart (build-install) with these paths as its defaults;
# a development build keeps its relative ones. The config file and the
# screens are the sysop's: an existing one is never overwritten, and
# uninstall removes only those still as shipped.
BINDIR        ?= $(PREFIX)/bin
MANDIR        ?= $(PREFIX)/share/man
SYSCONFDIR    ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
LOCALSTATEDIR ?= $(if $(filter /usr,$(PREFIX)),/var,$(PREFIX)/var)
STATEDIR      ?= $(LOCALSTATEDIR)/lib/mentorbbs
LIBDIR_SD     ?= $(if $(filter /usr/local,$(PREFIX)),/usr/local/lib,$(PREFIX)/lib)
UNITDIR       ?= $(LIBDIR_SD)/systemd/system
SYSUSERSDIR   ?= $(LIBDIR_SD)/sysusers.d
TMPFILESDIR   ?= $(LIBDIR_SD)/tmpfiles.d
IB            := build-install
ETC            = $(DESTDIR)$(SYSCONFDIR)/mentorbbs
UNIT_SED       = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g'

install:
	$(MAKE) B=$(IB) BIN=$(IB)/mentorbbs \
	  DEFS='-DMENTORBBS_SYSCONFDIR=\"$(SYSCONFDIR)\" -DMENTORBBS_STATEDIR=\"$(STATEDIR)\"' \
	  $(IB)/mentorbbs
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man8 $(ETC)/screens \
	  $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR)
	install -m 0755 $(IB)/mentorbbs $(DESTDIR)$(BINDIR)/mentorbbs
	install -m 0644 docs/mentorbbs.8 $(DESTDIR)$(MANDIR)/man8/mentorbbs.8
	@# Every key commented: the file documents the defaults and overrides nothing.
	[ -e $(ETC)/mentorbbs.conf ] || sed -e 's/^\([a-z_][a-z_0-9]* *=\)/# \1/' \
	  docs/mentorbbs.conf >$(ETC)/mentorbbs.conf
	for f in screens/*.txt; do [ -e $(ETC)/$$f ] || install -m 0644 $$f $(ETC)/$$f; done
	$(UNIT_SED) docs/systemd/mentorbbs.service.in >$(DESTDIR)$(UNITDIR)/mentorbbs.service
	$(UNIT_SED) docs/systemd/mentorbbs-backup.service.in \
	  >$(DESTDIR)$(UNITDIR)/mentorbbs-backup.service
	install -m 0644 docs/systemd/mentorbbs-backup.timer $(DESTDIR)$(UNITDIR)/
	$(UNIT_SED) docs/systemd/mentorbbs-mail.service.in >$(DESTDIR)$(UNITDIR)/mentorbbs-mail.service
	install -m 0644 docs/systemd/mentorbbs-mail.timer $(DESTDIR)$(UNITDIR)/
	install -m 0644 docs/systemd/mentorbbs.sysusers $(DESTDIR)$(SYSUSERSDIR)/mentorbbs.conf
	install -m 0644 docs/systemd/mentorbbs.tmpfiles $(DESTDIR)$(TMPFILESDIR)/mentorbbs.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mentorbbs $(DESTDIR)$(MANDIR)/man8/mentorbbs.8 \
	  $(DESTDIR)$(UNITDIR)/mentorbbs.service $(DESTDIR)$(UNITDIR)/mentorbbs-backup.service \
	  $(DESTDIR)$(UNITDIR)/mentorbbs-backup.timer $(DESTDIR)$(SYSUSERSDIR)/mentorbbs.conf \
	  $(DESTDIR)$(UNITDIR)/mentorbbs-mail.service $(DESTDIR)$(UNITDIR)/mentorbbs-mail.timer \
	  $(DESTDIR)$(TMPFILESDIR)/mentorbbs.conf
	for f in screens/*.txt; do cmp -s $$f $(ETC)/$$f && rm -f $(ETC)/$$f; done; true
	sed -e 's/^\([a-z_][a-z_0-9]* *=\)/# \1/' docs/mentorbbs.conf | \
	  cmp -s - $(ETC)/mentorbbs.conf && rm -f $(ETC)/mentorbbs.conf; true
	rmdir $(ETC)/screens $(ETC) 2>/dev/null; true
	@echo "uninstall: the database and host keys in $(STATEDIR) are kept"

clean:
	rm -rf build build-asan build-fuzz build-install mentorbbs

-include $(wildcard $(B)/*.d $(B)/*/*.d)
