# user/zju/zju.mk: programs written for the ZJU lab kernel, built as the lab builds them: a `j main`
# entry (start.S), the lab's syscall conventions (zju.h), one RWX segment at 0x10000 + headers
# (link.lds); printf and exit come from the project's user library (printf is the lab's: it formats, then
# write(1, ...)). Each user/zju/<name>.c becomes $(USER_OUT)/zju_<name>, added to USER_PROGS (the ramdisk).
# Run them with the kernel's ZJU mode: make run TEST=zju_fork3 ZJU=1 (COPIES=4 for the pfh ones).

ZJU_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
ZJU_OUT := $(USER_OUT)/zju
ZJU_CFLAGS := $(filter-out -msmall-data-limit=% -static,$(USER_CFLAGS)) -fno-toplevel-reorder
ZJU_START := $(ZJU_OUT)/start.o
ZJU_SRCS := $(wildcard $(ZJU_DIR)/*.c)
ZJU_PROGS := $(patsubst $(ZJU_DIR)/%.c,$(USER_OUT)/zju_%,$(ZJU_SRCS))

$(ZJU_OUT)/%.o: $(ZJU_DIR)/%.c $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(USER_CC) $(ZJU_CFLAGS) $(USER_CPPFLAGS) -I$(ZJU_DIR) -c -o $@ $<

$(ZJU_OUT)/%.o: $(ZJU_DIR)/%.S $(USER_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(USER_CC) $(ZJU_CFLAGS) $(USER_CPPFLAGS) -c -o $@ $<

$(ZJU_PROGS): $(USER_OUT)/zju_%: $(ZJU_OUT)/%.o $(ZJU_START) $(USER_LIB_ARCHIVE) $(ZJU_DIR)/link.lds
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(USER_CC) $(ZJU_CFLAGS) -static -nostdlib -T $(ZJU_DIR)/link.lds -Wl,--no-relax -Wl,--no-warn-rwx-segments -o $@ \
		$(ZJU_START) $< $(USER_LIB_ARCHIVE) -lgcc

USER_PROGS += $(ZJU_PROGS)
-include $(wildcard $(ZJU_OUT)/*.d)
