# user/libc/libc.mk: the glibc test programs. Each user/libc/<name>.c is built with the distribution's
# cross compiler (riscv64-linux-gnu-gcc -static, glibc) into build/libc/libc_<name> and added to
# USER_PROGS (so to the ramdisk), only when that compiler is installed (.ci/ensure-deps installs it).
# Their expected output is Linux's: user/libc/learn.sh runs them under qemu-riscv64.

LIBC_CC := riscv64-linux-gnu-gcc
LIBC_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
# Always built by the same compiler, so one copy serves the kernels of every toolchain (build/libc/).
LIBC_ROOT := $(firstword $(subst /, ,$(BUILD)))
LIBC_OUT := $(LIBC_ROOT)/libc
LIBC_CFLAGS := -D_GNU_SOURCE -static -O2 -Wall -Werror -MMD -MP
LIBC_SRCS := $(wildcard $(LIBC_DIR)/*.c)
LIBC_PROGS := $(patsubst $(LIBC_DIR)/%.c,$(LIBC_OUT)/libc_%,$(LIBC_SRCS))

ifneq ($(shell command -v $(LIBC_CC)),)
$(LIBC_PROGS): $(LIBC_OUT)/libc_%: $(LIBC_DIR)/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  GLIBC   $<")
	$(Q)$(LIBC_CC) $(LIBC_CFLAGS) -MF $@.d -o $@ $<

# Program layouts the loader must handle (user/libc/layout/): a static PIE with no libc and a
# dynamically linked glibc program (which execve refuses).
LIBC_PIE := $(LIBC_OUT)/pie_static
LIBC_DYN := $(LIBC_OUT)/dyn_glibc
$(LIBC_PIE): $(LIBC_DIR)/layout/pie.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  PIE     $<")
	$(Q)$(LIBC_CC) -O2 -Wall -Werror -fPIE -pie -nostdlib -nostartfiles -Wl,--no-dynamic-linker \
		-Wl,-z,norelro -o $@ $<
$(LIBC_DYN): $(LIBC_DIR)/layout/dynamic.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  DYN     $<")
	$(Q)$(LIBC_CC) -O2 -Wall -Werror -o $@ $<

# Segments sharing pages: the same small program linked by GNU ld with layout/share.ld and by lld
# (when ld.lld is installed; .ci/ensure-deps installs lld).
LIBC_SHARED := $(LIBC_OUT)/layout_shared
$(LIBC_SHARED): $(LIBC_DIR)/layout/tiny.c $(LIBC_DIR)/layout/share.ld
	@mkdir -p $(@D)
	@$(if $(Q),echo "  SHARED  $<")
	$(Q)$(LIBC_CC) -O2 -Wall -Werror -static -nostdlib -nostartfiles -Wl,-T,$(LIBC_DIR)/layout/share.ld \
		-Wl,--build-id=none -o $@ $<
LIBC_LLD_PATH := $(shell command -v ld.lld)
ifneq ($(LIBC_LLD_PATH),)
LIBC_LLD := $(LIBC_OUT)/layout_lld
$(LIBC_LLD): $(LIBC_DIR)/layout/tiny.c
	@mkdir -p $(@D)/lld
	@ln -sf $(LIBC_LLD_PATH) $(@D)/lld/ld.lld
	@$(if $(Q),echo "  LLD     $<")
	$(Q)$(LIBC_CC) -O2 -Wall -Werror -mno-relax -static -nostdlib -nostartfiles -fuse-ld=lld -B$(@D)/lld/ -o $@ $<
endif

USER_PROGS += $(LIBC_PROGS) $(LIBC_PIE) $(LIBC_DYN) $(LIBC_SHARED) $(LIBC_LLD)
-include $(LIBC_PROGS:=.d)
include $(LIBC_DIR)/../busybox/busybox.mk
endif
