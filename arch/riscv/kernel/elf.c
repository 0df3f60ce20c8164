/*
 * elf.c: the ELF loader. Each PT_LOAD segment becomes VMAs and nothing is copied: the part backed by
 * the file is an "elf" VMA (pages filled from the ramdisk on first touch, zeros after p_filesz in the
 * last file page) and whole pages past the file bytes (.bss) are an anonymous VMA, as Linux does.
 * ET_EXEC programs load at their addresses; ET_DYN ones without PT_INTERP (static PIE) at the fixed
 * base ELF_ET_DYN_BASE (Linux's riscv64 choice, two thirds of user space, without randomization).
 * A program asking for an interpreter (dynamically linked) gets -ENOENT: there is no ld.so here,
 * which is what Linux says when the interpreter's file is missing.
 */
#include "elf.h"
#include "vm.h"
#include "fs.h"
#include "memlayout.h"
#include "errno.h"
#include "string.h"

#define ELF_ET_DYN_BASE PGROUNDDOWN(USER_END / 3 * 2)   /* 0x2aaaaaa000 */

static uint64_t elf_vm_flags(uint32_t p_flags)
{
	return (p_flags & PF_R ? VM_READ : 0) | (p_flags & PF_W ? VM_WRITE : 0) | (p_flags & PF_X ? VM_EXEC : 0);
}

/* The header and the program headers must lie in the file's first page (they always do for ld output). */
static bool elf_header_ok(const Elf64_Ehdr *eh, uint64_t size)
{
	uint64_t limit = MIN(size, PGSIZE);

	return size >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) && eh->e_machine == EM_RISCV &&
	       eh->e_phentsize == sizeof(Elf64_Phdr) &&
	       eh->e_phoff < limit && eh->e_phnum <= (limit - eh->e_phoff) / sizeof(Elf64_Phdr);
}

static bool segment_ok(const Elf64_Phdr *ph, uint64_t size, uint64_t bias)
{
	uint64_t vaddr = ph->p_vaddr + bias;

	return ph->p_filesz <= ph->p_memsz && ph->p_offset <= size && ph->p_filesz <= size - ph->p_offset &&
	       vaddr >= ph->p_vaddr && vaddr < USER_END && ph->p_memsz <= USER_END - vaddr &&
	       ph->p_vaddr % PGSIZE == ph->p_offset % PGSIZE;
}

/*
 * Map one segment at p_vaddr + bias: [start, file_end) from the file, [file_end, end) anonymous. A
 * page it shares with an earlier segment is replaced by its own mapping, as Linux's MAP_FIXED mapping
 * of segments does: the file's bytes there serve both (their offsets are congruent), with this
 * segment's permissions.
 */
static int map_segment(struct mm_struct *mm, struct inode *file, const Elf64_Phdr *ph, uint64_t bias)
{
	uint64_t vaddr = ph->p_vaddr + bias;
	uint64_t start = PGROUNDDOWN(vaddr), delta = vaddr - start;
	uint64_t file_end = ph->p_filesz ? PGROUNDUP(vaddr + ph->p_filesz) : start;
	uint64_t end = PGROUNDUP(vaddr + ph->p_memsz);
	uint64_t flags = elf_vm_flags(ph->p_flags);
	int64_t err = do_munmap(mm, start, end);

	if (err >= 0 && file_end > start)
		err = do_mmap(mm, start, file_end - start, ph->p_offset - delta, ph->p_filesz + delta, flags, file,
			      elf_ops);
	if (err >= 0 && end > file_end)
		err = do_mmap(mm, file_end, end - file_end, 0, 0, flags | VM_ANON, NULL, &anon_vm_ops);
	if (err == -EEXIST || err == -EINVAL)
		return -ENOEXEC;      /* overlapping or misplaced segments */
	return err < 0 ? (int)err : 0;
}

/* Where an ET_DYN program's lowest segment goes: the load bias added to every p_vaddr. 0 for ET_EXEC. */
static uint64_t load_bias(const Elf64_Ehdr *eh, const Elf64_Phdr *ph)
{
	uint64_t low = USER_END;

	if (eh->e_type != ET_DYN)
		return 0;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_memsz)
			low = MIN(low, PGROUNDDOWN(ph[i].p_vaddr));
	return low < ELF_ET_DYN_BASE ? ELF_ET_DYN_BASE - low : 0;
}

static bool wants_interpreter(const Elf64_Ehdr *eh, const Elf64_Phdr *ph)
{
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return true;
	return false;
}

int load_elf_binary(struct mm_struct *mm, struct inode *file, struct elf_info *info)
{
	const Elf64_Ehdr *eh = find_get_page(file, 0);   /* the file as it is now, through the page cache */
	const Elf64_Phdr *ph;
	uint64_t top = 0, bias;

	if (!eh)
		return -ENOMEM;
	if (!elf_header_ok(eh, file->size))
		return -ENOEXEC;
	ph = (const Elf64_Phdr *)((const uint8_t *)eh + eh->e_phoff);
	if (wants_interpreter(eh, ph))
		return -ENOENT;
	bias = load_bias(eh, ph);
	info->entry = eh->e_entry + bias;
	info->phnum = eh->e_phnum;
	info->phdr = 0;
	info->base = 0;
	for (int i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (!segment_ok(ph, file->size, bias))
			return -ENOEXEC;
		int err = map_segment(mm, file, ph, bias);
		if (err)
			return err;
		if (ph->p_offset <= eh->e_phoff && eh->e_phoff - ph->p_offset < ph->p_filesz)
			info->phdr = ph->p_vaddr + bias + (eh->e_phoff - ph->p_offset);
		top = MAX(top, PGROUNDUP(ph->p_vaddr + bias + ph->p_memsz));
	}
	if (!top)
		return -ENOEXEC;
	mm->start_brk = mm->brk = top;
	return 0;
}
