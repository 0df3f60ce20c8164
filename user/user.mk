# user/user.mk: make fragment building each user/<name>.c into the static RV64 ELF $(BUILD)/user/<name>.
#
# Each program is linked with the tiny libc built from user/lib/.
# Inputs: CROSS_COMPILE (toolchain prefix) and BUILD (output directory); both get defaults so
# the fragment also runs standalone:
#     make -f user/user.mk BUILD=build CROSS_COMPILE=riscv64-unknown-elf- user-all
# Outputs: USER_PROGS (the list of built ELF paths) and the phony targets user-all and user-clean.
# It does not set .DEFAULT_GOAL: include it after your own first target, which stays the default.

CROSS_COMPILE ?= riscv64-unknown-elf-
BUILD ?= build

# $(call write_if_changed,FILE,VAR): make FILE hold the value of variable VAR, rewriting it (so making
# it newer than what was built before) only when the value changed. A stamp of tools and flags: what
# depends on it rebuilds when CROSS_COMPILE or a flag changes.
# (Compared with spaces and newlines squeezed, which make's file reading does not keep exactly.)
write_if_changed = $(if $(call differ,$(strip $(file <$1)),$(strip $($2))),$(shell mkdir -p $(dir $1))$(file >$1,$($2)))
differ = $(subst x$1,,x$2)$(subst x$2,,x$1)

# Directory holding this fragment, so paths work whatever directory make runs from.
USER_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
# The checkout's top folder, spelled so that make and the compiler's dependency files name each header
# alike (./include/x.h is include/x.h to make; user/../include/x.h would be another file).
USER_ROOT := $(patsubst %/,%,$(dir $(USER_DIR)))
USER_OUT := $(BUILD)/user

USER_CC := $(CROSS_COMPILE)gcc
USER_AR := $(CROSS_COMPILE)ar
USER_CFLAGS := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany -msmall-data-limit=0 -O2 -g -static -nostdlib \
	-ffreestanding -fno-builtin -fno-pie -no-pie -fno-stack-protector -Wall -Werror
# include/ gives the ABI constants shared with the kernel (uapi/*.h) and the shared lib/ sources' headers.
USER_CPPFLAGS := -I$(USER_DIR)/lib -I$(USER_ROOT)/include -MMD -MP
# -msmall-data-limit=0 keeps constants out of .srodata/.sdata, which the default script would put
# next to text in one RWX segment. Any linker warning fails the build. The one that matters: the default script can merge text
# and data into one RWX segment (e.g. when .srodata constants appear), which would let the
# kill_text and kill_exec programs survive.
USER_LDFLAGS := -Wl,--fatal-warnings

USER_LIB_C_OBJS := $(patsubst $(USER_DIR)/lib/%.c,$(USER_OUT)/lib/%.o,$(wildcard $(USER_DIR)/lib/*.c))
USER_LIB_S_OBJS := $(patsubst $(USER_DIR)/lib/%.S,$(USER_OUT)/lib/%.o,$(wildcard $(USER_DIR)/lib/*.S))
# The kernel's string routines and formatter, built for user space too (one copy of each).
USER_SHARED_SRCS := $(USER_ROOT)/lib/string.c $(USER_ROOT)/lib/vsnprintf.c
USER_SHARED_OBJS := $(patsubst $(USER_ROOT)/lib/%.c,$(USER_OUT)/lib/shared/%.o,$(USER_SHARED_SRCS))
USER_LIB_OBJS := $(USER_LIB_S_OBJS) $(USER_LIB_C_OBJS) $(USER_SHARED_OBJS)
# start.o is linked into every program; the rest comes from an archive, so each program only
# carries the library files it uses.
USER_START_OBJ := $(USER_OUT)/lib/start.o
USER_LIB_ARCHIVE := $(USER_OUT)/lib/libu.a
USER_SRCS := $(wildcard $(USER_DIR)/*.c)
USER_PROG_OBJS := $(patsubst $(USER_DIR)/%.c,$(USER_OUT)/%.o,$(USER_SRCS))
USER_PROGS := $(USER_PROG_OBJS:.o=)
USER_DEPS := $(USER_PROG_OBJS:.o=.d) $(USER_LIB_OBJS:.o=.d)

# Every user object and program depends on the stamp of the user toolchain and flags.
USER_STAMP := $(USER_OUT)/flags.stamp
USER_STAMP_TEXT = $(shell command -v $(USER_CC) $(USER_AR)) $(shell $(USER_CC) --version 2>/dev/null | head -n1) \
                  | $(USER_CFLAGS) | $(USER_CPPFLAGS) | $(USER_LDFLAGS) | $(USER_HF_CFLAGS)


# Static pattern rules only: they cannot collide with the including Makefile's implicit rules.
$(USER_LIB_C_OBJS): $(USER_OUT)/lib/%.o: $(USER_DIR)/lib/%.c $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(USER_SHARED_OBJS): $(USER_OUT)/lib/shared/%.o: $(USER_ROOT)/lib/%.c $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(USER_LIB_S_OBJS): $(USER_OUT)/lib/%.o: $(USER_DIR)/lib/%.S $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(USER_PROG_OBJS): $(USER_OUT)/%.o: $(USER_DIR)/%.c $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(USER_LIB_ARCHIVE): $(filter-out $(USER_START_OBJ),$(USER_LIB_OBJS))
	$(Q)rm -f $@
	$(Q)$(USER_AR) rcs $@ $(filter %.o,$^)

$(USER_PROGS): $(USER_OUT)/%: $(USER_OUT)/%.o $(USER_START_OBJ) $(USER_LIB_ARCHIVE) $(USER_STAMP)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_LDFLAGS) -o $@ $(USER_START_OBJ) $< $(USER_LIB_ARCHIVE)

.PHONY: user-all user-clean
user-all: $(USER_PROGS)

user-clean:
	rm -rf $(USER_OUT)

# user/hf/<name>.c: programs built like a stock Linux toolchain builds them (rv64gc, hard-float lp64d),
# with no libc (they bring their own _start), into $(BUILD)/user/<name> beside the others.
USER_HF_CFLAGS := $(filter-out -march=% -mabi=%,$(USER_CFLAGS)) -march=rv64imafdc_zicsr -mabi=lp64d
USER_HF_SRCS := $(wildcard $(USER_DIR)/hf/*.c)
USER_HF_PROGS := $(patsubst $(USER_DIR)/hf/%.c,$(USER_OUT)/%,$(USER_HF_SRCS))

$(USER_HF_PROGS): $(USER_OUT)/%: $(USER_DIR)/hf/%.c $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC+LD   $<")
	$(Q)$(USER_CC) $(USER_HF_CFLAGS) -I$(USER_ROOT)/include -MMD -MP -MF $@.d $(USER_LDFLAGS) -o $@ $<

# Added after the rule above, which must not claim them.
USER_PROGS += $(USER_HF_PROGS)
USER_DEPS += $(USER_HF_PROGS:=.d)

$(call write_if_changed,$(USER_STAMP),USER_STAMP_TEXT)

-include $(USER_DEPS)

# user/fuzz/*.c: the system-call fuzzer, one program from several files, built into $(BUILD)/user/fuzz
# (objects in $(BUILD)/user/fuzz-objs/) with the same flags and library as the programs above.
USER_FUZZ_SRCS := $(wildcard $(USER_DIR)/fuzz/*.c)
USER_FUZZ_OBJS := $(patsubst $(USER_DIR)/fuzz/%.c,$(USER_OUT)/fuzz-objs/%.o,$(USER_FUZZ_SRCS))
USER_FUZZ := $(USER_OUT)/fuzz

$(USER_FUZZ_OBJS): $(USER_OUT)/fuzz-objs/%.o: $(USER_DIR)/fuzz/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(USER_FUZZ): $(USER_FUZZ_OBJS) $(USER_START_OBJ) $(USER_LIB_ARCHIVE)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(USER_CC) $(USER_CFLAGS) $(USER_LDFLAGS) -o $@ $(USER_START_OBJ) $(USER_FUZZ_OBJS) $(USER_LIB_ARCHIVE)

USER_PROGS += $(USER_FUZZ)
-include $(USER_FUZZ_OBJS:.o=.d)
