/* elf.h: the ELF64 structures and constants the loader reads. */
#ifndef _ELF_H
#define _ELF_H

#include "types.h"

#define EI_NIDENT 16
#define EI_CLASS 4                /* e_ident[EI_CLASS]: 32- or 64-bit */
#define ELFMAG "\177ELF"
#define SELFMAG 4                 /* bytes of ELFMAG */
#define ELFCLASS64 2
#define ET_EXEC 2
#define ET_DYN 3                 /* position independent: a static PIE when it has no PT_INTERP */
#define EM_RISCV 243
#define PT_LOAD 1
#define PT_INTERP 3
#define PF_X 1
#define PF_W 2
#define PF_R 4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type, e_machine;
	uint32_t e_version;
	uint64_t e_entry, e_phoff, e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type, p_flags;
	uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Elf64_Phdr;

struct mm_struct;
struct inode;

/* What execve needs for the initial stack's auxiliary vector. */
struct elf_info {
	uint64_t entry;
	uint64_t phdr;      /* user address of the program headers, 0 if not loaded */
	uint64_t phnum;
	uint64_t base;      /* AT_BASE: the interpreter's load address; 0 (static programs have none) */
};

/* Record the PT_LOAD segments of file as VMAs of mm and set its brk; maps nothing. 0 or -errno. */
int load_elf_binary(struct mm_struct *mm, struct inode *file, struct elf_info *info);

#endif
