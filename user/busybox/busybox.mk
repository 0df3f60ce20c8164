# user/busybox/busybox.mk: busybox in the ramdisk (as "busybox") with the shell scripts the tests run
# (user/busybox/*.sh). build.sh cross-builds it once from Debian's source package into
# build/busybox/ for every toolchain (cached there; `make clean` removes it). Included by user/libc/libc.mk, which
# only does so when riscv64-linux-gnu-gcc is installed.

BUSYBOX_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
BUSYBOX := $(LIBC_ROOT)/busybox/busybox
BUSYBOX_SCRIPTS := $(wildcard $(BUSYBOX_DIR)/*.sh)

# Built once: build.sh is an order-only prerequisite (delete build/busybox/busybox to rebuild).
$(BUSYBOX): | $(BUSYBOX_DIR)/build.sh
	@mkdir -p $(@D)
	$(Q)$(BUSYBOX_DIR)/build.sh $@

USER_PROGS += $(BUSYBOX) $(filter-out %/build.sh,$(BUSYBOX_SCRIPTS))
