# Makefile: build the kernel and its ramdisk, run it under QEMU, debug it, test it, benchmark it.
# The variables users set are documented in README.md ("Make variables"). Helpers live in tools/:
# mkramdisk.py writes the ramdisk, elfcheck.py vets ELF=, qemu.py is the one QEMU command line.

# No built-in rules: a file named by ELF= or FILES= is only ever read, never rebuilt or deleted.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

LOG ?= 1
TEST ?= PFH1
# make view draws the trace: the kernel it runs traces (LOG=1) whatever LOG says.
ifneq ($(filter view,$(MAKECMDGOALS)),)
  override LOG := 1
endif
DUMP ?= 0
MEMSTAT ?= 0
FAULT_AROUND ?= 0
ZJU ?= 0
MEM ?= 128M
GDBPORT ?= 1234

# Goals that need the toolchain and QEMU: install what is missing first (see .ci/ensure-deps);
# test and view also want chromium (the viewer's browser checks).
GOALS := $(or $(MAKECMDGOALS),all)
TOOL_GOALS := all vmlinux run debug gdb test bench view
RUN_GOALS := run debug qemu-cmd $(if $(TRACE),,view)
VIEW_GOALS := test view
ifneq ($(filter $(TOOL_GOALS),$(GOALS)),)
  $(if $(shell .ci/ensure-deps $(if $(filter $(VIEW_GOALS),$(GOALS)),--view) 1>&2 || echo failed),\
    $(error could not install the build dependencies))
endif

# $(call shquote,TEXT): TEXT as one single-quoted shell word (nothing in it is expanded or run).
shquote = '$(subst ','\'',$1)'
# $(call one_of,VAR,WORDS): stop with a message unless $(VAR) is exactly one of WORDS.
one_of = $(if $(filter-out 1,$(words $($1)))$(filter-out $2,$($1)),$(error $1='$($1)' is not allowed: use one of: $2))
$(call one_of,LOG,0 1 2)
$(call one_of,DUMP,0 1)
$(call one_of,MEMSTAT,0 1)
$(call one_of,FAULT_AROUND,0 1 2 4 8 16 32 64)
$(call one_of,ZJU,0 1)
$(call one_of,MEM,128M 256M 512M 1G 2G 4G)

CROSS_COMPILE ?= $(or $(if $(shell command -v riscv64-unknown-elf-gcc),riscv64-unknown-elf-),\
                      $(if $(shell command -v riscv64-linux-gnu-gcc),riscv64-linux-gnu-),riscv64-unknown-elf-)
# The toolchains make test runs with; the second one too when it is installed.
TOOLCHAINS := riscv64-unknown-elf- riscv64-linux-gnu-
CC      := $(CROSS_COMPILE)gcc
LD      := $(CROSS_COMPILE)ld
OBJDUMP := $(CROSS_COMPILE)objdump
NM      := $(CROSS_COMPILE)nm
GDB     := gdb-multiarch
PYTHON  := python3

# One build folder per toolchain (build/ for riscv64-unknown-elf-, build/<prefix>/ for another), and in
# each a stamp of the tools and flags (see user/user.mk): two toolchains' objects never meet.
build_dir = build$(if $(filter riscv64-unknown-elf-,$(notdir $1)),,/$(patsubst %-,%,$(notdir $1)))
BUILD := $(call build_dir,$(CROSS_COMPILE))
# Kernel objects depend on LOG only; a kernel with ELF=/FILES= is linked from them with its own
# ramdisk in build/log<N>-custom/.
KOBJDIR := $(BUILD)/log$(LOG)
KBUILD  := $(KOBJDIR)$(if $(ELF)$(FILES),-custom)

ARCH_FLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
CFLAGS  := $(ARCH_FLAGS) -O2 -g -Wall -Werror -Wmissing-prototypes -std=gnu11 -ffreestanding -fno-builtin -nostdlib \
           -fno-pie -no-pie -fno-stack-protector -mno-relax \
           -Iinclude -DLOG_LEVEL=$(LOG) -MMD -MP
# -fno-pie: a toolchain that defaults to PIE (riscv64-linux-gnu-) would turn `la` into GOT loads.
ASFLAGS := $(ARCH_FLAGS) -fno-pie -g -Iinclude -D__ASSEMBLER__ -MMD -MP
LDFLAGS := -T vmlinux.lds --no-relax

KSRCS := $(wildcard arch/riscv/kernel/*.c arch/riscv/kernel/*.S arch/riscv/mm/*.c arch/riscv/fs/*.c init/*.c lib/*.c)
KOBJS := $(patsubst %,$(KOBJDIR)/%.o,$(basename $(KSRCS)))

.DEFAULT_GOAL := all

# User programs (user/user.mk defines USER_PROGS, their rules and write_if_changed).
include user/user.mk
# glibc-built test programs (user/libc/libc.mk), when riscv64-linux-gnu-gcc is installed.
include user/libc/libc.mk
# Programs written for the ZJU lab kernel (user/zju/zju.mk), run with ZJU=1.
include user/zju/zju.mk

KSTAMP := $(KOBJDIR)/flags.stamp
KSTAMP_TEXT := $(foreach t,$(CC) $(LD),$(shell command -v $t)) $(shell $(CC) --version 2>/dev/null | head -n1) \
               | $(CFLAGS) | $(ASFLAGS) | $(LDFLAGS)
ifneq ($(filter-out clean,$(GOALS)),)
  $(call write_if_changed,$(KSTAMP),KSTAMP_TEXT)
endif

# The ramdisk: ELF=, then FILES= (each `path` or `path:/name`), then the user programs; a file given
# by the user replaces the user program of the same name.
entry_name = $(if $(findstring :/,$1),$(lastword $(subst :/, ,$1)),$(notdir $1))
GIVEN := $(strip $(ELF) $(FILES))
GIVEN_NAMES := $(foreach e,$(GIVEN),$(call entry_name,$e))
RAMDISK_ENTRIES := $(GIVEN) $(filter-out $(addprefix %/,$(GIVEN_NAMES)),$(USER_PROGS))
RAMDISK_INPUTS := $(foreach e,$(RAMDISK_ENTRIES),$(firstword $(subst :/, ,$e)))
ifneq ($(filter $(TOOL_GOALS) qemu-cmd,$(GOALS)),)
  $(call write_if_changed,$(KBUILD)/ramdisk.list,RAMDISK_ENTRIES)
  # Refuse what the kernel cannot take before anything is built.
  ifneq ($(ELF),)
    $(if $(filter-out 1,$(words $(ELF))),$(error ELF='$(ELF)': one file, and its path may not contain spaces \
        (make cannot name such a file): copy or link it to a path without spaces))
    $(if $(shell $(PYTHON) tools/elfcheck.py $(call shquote,$(ELF)) >&2 || echo no),\
        $(error ELF refused: the kernel cannot run it (reason above)))
  endif
  ifneq ($(GIVEN),)
    $(if $(shell $(PYTHON) tools/mkramdisk.py --check $(RAMDISK_ENTRIES) >&2 || echo no),\
        $(error ELF/FILES refused: the ramdisk cannot hold them (reason above)))
  endif
endif

# The kernel's options. TEST (without ELF) names a ramdisk file: a program in any case (PFH1 and PFH2
# start 4 copies) or a file given with FILES=.
TEST_NAMES := $(sort $(notdir $(USER_PROGS)) $(GIVEN_NAMES))
lowercase = $(shell echo $(call shquote,$1) | tr A-Z a-z)
# TEST=sh: an interactive busybox shell (user/busybox/), with a home and a terminal type.
ifeq ($(TEST),sh)
  override TEST := busybox
  ARGS := sh
  ENV ?= HOME=/ TERM=vt100
endif
INIT := $(if $(ELF),$(notdir $(ELF)),$(if $(filter $(TEST),$(TEST_NAMES)),$(TEST),$(call lowercase,$(TEST))))
COPIES ?= $(if $(ELF),1,$(if $(filter PFH1 PFH2,$(TEST)),4,1))
OPTIONS := init=$(INIT) $(if $(filter-out 1,$(COPIES)),copies=$(COPIES)) $(if $(filter 1,$(DUMP)),dump=1) \
           $(if $(filter 1,$(MEMSTAT)),memstat=1) $(if $(filter 1,$(ZJU)),zju=1) \
           $(if $(filter-out 0,$(FAULT_AROUND)),fault_around=$(FAULT_AROUND))
QEMU_CMDLINE = --options $(call shquote,$(OPTIONS)) --args $(call shquote,$(ARGS)) --env $(call shquote,$(ENV)) --mem $(MEM)
ifneq ($(filter $(RUN_GOALS),$(GOALS)),)
  ifeq ($(ELF),)
    $(if $(filter-out 1,$(words $(TEST)))$(filter-out $(TEST_NAMES),$(INIT)),$(error TEST='$(TEST)' is not a \
        program: use PFH1 or PFH2 (4 copies) or one of: $(TEST_NAMES)))
  endif
  $(if $(filter-out 1,$(words $(COPIES))),$(error COPIES='$(COPIES)' is not a number))
  $(if $(shell $(PYTHON) tools/qemu.py check $(QEMU_CMDLINE) >&2 || echo no),\
      $(error kernel command line refused (reason above)))
endif
ifneq ($(filter debug gdb,$(GOALS)),)
  $(if $(shell echo $(call shquote,$(GDBPORT)) | grep -qxE '[1-9][0-9]{0,4}' || echo no),\
      $(error GDBPORT='$(GDBPORT)' is not a TCP port number))
endif
QEMU_ARGS = --kernel $(KBUILD)/vmlinux $(QEMU_CMDLINE)

# V=1 shows every command; otherwise one short line per file.
Q := $(if $(filter 1,$(V)),,@)

.PHONY: all run debug gdb qemu-cmd test bench view clean
all: $(KBUILD)/vmlinux

$(KOBJDIR)/%.o: %.c $(KSTAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(KOBJDIR)/%.o: %.S $(KSTAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

# The ramdisk table and files (tools/mkramdisk.py); ramdisk.list changes whenever the set of files does.
$(KBUILD)/ramdisk.S: $(KBUILD)/ramdisk.list $(RAMDISK_INPUTS) tools/mkramdisk.py include/ramdisk.h
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(PYTHON) tools/mkramdisk.py -o $@ $(RAMDISK_ENTRIES)

$(KBUILD)/ramdisk.o: $(KBUILD)/ramdisk.S $(KSTAMP)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(KBUILD)/vmlinux: $(KOBJS) $(KBUILD)/ramdisk.o vmlinux.lds $(KSTAMP)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(KBUILD)/ramdisk.o
	$(Q)$(OBJDUMP) -d $@ > $(KBUILD)/vmlinux.asm
	$(Q)$(NM) -n $@ > $(KBUILD)/System.map

# QEMU's exit status is told in words by tools/qemu.py; make itself then succeeds.
run: $(KBUILD)/vmlinux
	@$(PYTHON) tools/qemu.py run $(QEMU_ARGS) || true

# The make gdb command line that loads this kernel: the variables that chose it, as given.
GDB_COMMAND := make gdb $(strip $(foreach v,LOG ELF FILES CROSS_COMPILE GDBPORT,$(if $(filter command line,$(origin $v)),\
               $v=$(if $(word 2,$($v)),$(call shquote,$($v)),$($v)))))
debug: $(KBUILD)/vmlinux
	@$(PYTHON) tools/qemu.py debug $(QEMU_ARGS) --port $(GDBPORT) --gdb-command $(call shquote,$(GDB_COMMAND)) || true

# The QEMU command make run would use (nothing is built).
qemu-cmd:
	@$(PYTHON) tools/qemu.py show $(QEMU_ARGS)

# The kernel make debug runs (same LOG, ELF, FILES, CROSS_COMPILE); USER=name adds a user program's
# symbols (only when given on the command line: the environment's USER is the login name).
GDB_USER := $(if $(filter command line,$(origin USER)),$(USER))
gdb: $(KBUILD)/vmlinux
	@echo "gdb: symbols of $(KBUILD)/vmlinux, stub at 127.0.0.1:$(GDBPORT)"
	$(Q)$(GDB) -q -nx -ex "file $<" -ex 'set $$userdir = "$(USER_OUT)"' -x .gdbinit \
	    -ex "target remote 127.0.0.1:$(GDBPORT)" $(if $(GDB_USER),-ex "user-symbols $(GDB_USER)")

# Tests read the trace (LOG=1); some run on the LOG=0 kernel. The second toolchain, when installed,
# builds its own kernels and runs the suite's --second cases on them, in the same runner.
SECOND_CROSS := $(firstword $(filter-out $(notdir $(CROSS_COMPILE)),$(TOOLCHAINS)))
SECOND := $(if $(shell command -v $(SECOND_CROSS)gcc),$(SECOND_CROSS))
test:
	@$(MAKE) --no-print-directory LOG=1 ELF= FILES= all
	@$(MAKE) --no-print-directory LOG=0 ELF= FILES= all
	$(if $(SECOND),@$(MAKE) --no-print-directory CROSS_COMPILE=$(SECOND) LOG=1 ELF= FILES= all)
	$(if $(SECOND),@$(MAKE) --no-print-directory CROSS_COMPILE=$(SECOND) LOG=0 ELF= FILES= all)
	$(if $(CASE),,$(PYTHON) -m unittest discover -s test -p 'test_*.py')
	$(PYTHON) test/run.py --kernel $(BUILD)/log1/vmlinux --cross-compile $(CROSS_COMPILE) \
	    $(if $(SECOND),--second $(call build_dir,$(SECOND))/log1/vmlinux) $(foreach c,$(CASE),$(call shquote,$c))

bench:
	@$(MAKE) --no-print-directory LOG=0 ELF= FILES= all
	$(PYTHON) test/run.py --kernel $(BUILD)/log0/vmlinux --bench

# make view: run the scenario (TEST, ELF, FILES, ARGS as for run) on the LOG=1 kernel and draw its trace
# into build/view/<name>.html; TRACE=<console log> draws a saved trace instead (tools/view.py).
VIEW_NAME = $(basename $(notdir $(or $(TRACE),$(ELF),$(INIT))))
VIEW_LOG  = $(BUILD)/view/$(VIEW_NAME).log
view: $(if $(TRACE),,$(KBUILD)/vmlinux)
	@mkdir -p $(BUILD)/view
	$(if $(TRACE),,@$(PYTHON) tools/qemu.py run $(QEMU_ARGS) </dev/null >$(VIEW_LOG) || true)
	@$(PYTHON) tools/view.py $(or $(TRACE),$(VIEW_LOG)) -o $(BUILD)/view/$(VIEW_NAME).html

# make fuzz SEEDS=1-100 CALLS=200000: the system-call fuzzer (user/fuzz/), one line per seed; stops at
# the first panic, hang (guest-instruction budget) or leaked page and names the seed (test/fuzz.py).
SEEDS ?= 1-10
CALLS ?= 100000
.PHONY: fuzz
fuzz:
	@$(MAKE) --no-print-directory LOG=0 ELF= FILES= all
	python3 test/fuzz.py --kernel $(BUILD)/log0/vmlinux --seeds $(SEEDS) --calls $(CALLS)

clean:
	rm -rf build

-include $(KOBJS:.o=.d)
