/*
 * elf.c: the ELF loader. Each PT_LOAD segment becomes VMAs and nothing is copied: the part backed by
 * the file is an "elf" VMA (pages filled from the ramdisk on first touch, zeros after p_filesz in the
 * last file page) and whole pages past the file bytes (.bss) are an anonymous VMA, as Linux does.
 */
#include "elf.h"
#include "vm.h"
#include "fs.h"
#include "memlayout.h"
#include "errno.h"
#include "string.h"

static uint64_t elf_vm_flags(uint32_t p_flags)
{
	return (p_flags & PF_R ? VM_READ : 0) | (p_flags & PF_W ? VM_WRITE : 0) | (p_flags & PF_X ? VM_EXEC : 0);
}

/* The header and the program headers must lie in the file's first page (they always do for ld output). */
static bool elf_header_ok(const Elf64_Ehdr *eh, uint64_t size)
{
	uint64_t limit = MIN(size, PGSIZE);

	return size >= sizeof(*eh) && !memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
	       eh->e_type == ET_EXEC && eh->e_machine == EM_RISCV && eh->e_phentsize == sizeof(Elf64_Phdr) &&
	       eh->e_phoff < limit && eh->e_phnum <= (limit - eh->e_phoff) / sizeof(Elf64_Phdr);
}

static bool segment_ok(const Elf64_Phdr *ph, uint64_t size)
{
	return ph->p_filesz <= ph->p_memsz && ph->p_offset <= size && ph->p_filesz <= size - ph->p_offset &&
	       ph->p_vaddr < USER_END && ph->p_memsz <= USER_END - ph->p_vaddr &&
	       ph->p_vaddr % PGSIZE == ph->p_offset % PGSIZE;
}

/* Map one segment: [start, file_end) from the file, [file_end, end) anonymous. */
static int map_segment(struct mm_struct *mm, struct inode *file, const Elf64_Phdr *ph)
{
	uint64_t start = PGROUNDDOWN(ph->p_vaddr), delta = ph->p_vaddr - start;
	uint64_t file_end = ph->p_filesz ? PGROUNDUP(ph->p_vaddr + ph->p_filesz) : start;
	uint64_t end = PGROUNDUP(ph->p_vaddr + ph->p_memsz);
	uint64_t flags = elf_vm_flags(ph->p_flags);
	int64_t err = 0;

	if (file_end > start)
		err = do_mmap(mm, start, file_end - start, ph->p_offset - delta, ph->p_filesz + delta, flags, file,
			      &elf_vm_ops);
	if (err >= 0 && end > file_end)
		err = do_mmap(mm, file_end, end - file_end, 0, 0, flags | VM_ANON, NULL, &anon_vm_ops);
	if (err == -EEXIST || err == -EINVAL)
		return -ENOEXEC;      /* overlapping or misplaced segments */
	return err < 0 ? (int)err : 0;
}

int load_elf_binary(struct mm_struct *mm, struct inode *file, struct elf_info *info)
{
	const Elf64_Ehdr *eh = find_get_page(file, 0);   /* the file as it is now, through the page cache */
	const Elf64_Phdr *ph;
	uint64_t top = 0;

	if (!eh)
		return -ENOMEM;
	if (!elf_header_ok(eh, file->size))
		return -ENOEXEC;
	ph = (const Elf64_Phdr *)((const uint8_t *)eh + eh->e_phoff);
	info->entry = eh->e_entry;
	info->phnum = eh->e_phnum;
	info->phdr = 0;
	for (int i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (!segment_ok(ph, file->size))
			return -ENOEXEC;
		int err = map_segment(mm, file, ph);
		if (err)
			return err;
		if (ph->p_offset <= eh->e_phoff && eh->e_phoff - ph->p_offset < ph->p_filesz)
			info->phdr = ph->p_vaddr + (eh->e_phoff - ph->p_offset);
		top = MAX(top, PGROUNDUP(ph->p_vaddr + ph->p_memsz));
	}
	if (!top)
		return -ENOEXEC;
	mm->start_brk = mm->brk = top;
	return 0;
}
