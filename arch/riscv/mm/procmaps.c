/*
 * procmaps.c: the mm half of /proc/<pid>/maps, smaps and status: each VMA as Linux prints it (start-end
 * perms offset dev inode path, names [heap] and [stack]), and for smaps its resident pages split by
 * who shares them (another mapping or process holds a reference) and whether they are dirty (an
 * anonymous page always is, as its bytes exist nowhere else; a file page when its PTE was written), so
 * a program can watch copy-on-write from user space.
 */
#include "vm.h"
#include "proc_fs.h"
#include "mapping.h"
#include "mm.h"
#include "printk.h"
#include "memlayout.h"
#include "string.h"

#define KIB_SHIFT 10
#define MAPS_NAME_COLUMN 73       /* Linux pads the path to start here */
#define FILE_DEV "00:01"          /* the one in-memory file system */
#define ANON_DEV "00:00"

struct vma_pages {
	struct vm_area_struct *vma;
	uint64_t rss, shared_clean, shared_dirty, private_clean, private_dirty, anon;   /* bytes */
};

/* One mapped page: a page-cache page is shared when a mapping besides this one holds it. */
static void count_page(pte_t pte, uint64_t va, void *arg)
{
	struct vma_pages *v = arg;
	void *page = (void *)PA2VA(pte_pa(pte));
	struct vm_area_struct *vma = v->vma;
	bool cached = vma->vm_file && page == find_cached_page(vma->vm_file, (vma->vm_pgoff + va - vma->vm_start) >> PGSHIFT);
	int users = page_count(page) - (cached ? 1 : 0);
	bool dirty = !cached || (pte & PTE_D);   /* an anonymous page's bytes exist nowhere else */

	if (page == zero_page)
		return;                /* Linux leaves the zero page out of Rss too */
	v->rss += PGSIZE;
	if (!cached)
		v->anon += PGSIZE;
	if (users > 1)
		*(dirty ? &v->shared_dirty : &v->shared_clean) += PGSIZE;
	else
		*(dirty ? &v->private_dirty : &v->private_clean) += PGSIZE;
}

static uint64_t show_line(struct mm_struct *mm, struct vm_area_struct *vma, char *buf, uint64_t size)
{
	uint64_t n = (uint64_t)snprintf(buf, size, "%08lx-%08lx %c%c%c%c %08lx %s %lu ", vma->vm_start, vma->vm_end,
		vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-', vma->vm_flags & VM_SHARED ? 's' : 'p', vma->vm_pgoff,
		vma->vm_file ? FILE_DEV : ANON_DEV, vma->vm_file ? file_ino(vma->vm_file) : 0UL);
	const char *name = vma_name(mm, vma);

	if (vma->vm_file || name[0]) {
		while (n < MAPS_NAME_COLUMN - 1 && n < size)
			buf[n++] = ' ';
		if (vma->vm_file && n < size)
			n += file_path(vma->vm_file, buf + n, size - n);
		else if (n < size)
			n += (uint64_t)snprintf(buf + n, size - n, "%s", name);
	}
	if (n < size)
		buf[n++] = '\n';
	return MIN(n, size);
}

static uint64_t show_pages(struct mm_struct *mm, struct vm_area_struct *vma, char *buf, uint64_t size)
{
	struct vma_pages v = { .vma = vma };

	visit_range(mm->pgd, vma->vm_start, vma->vm_end, count_page, &v);
	return MIN(size, (uint64_t)snprintf(buf, size,
		"Size:           %8lu kB\nRss:            %8lu kB\nShared_Clean:   %8lu kB\n"
		"Shared_Dirty:   %8lu kB\nPrivate_Clean:  %8lu kB\nPrivate_Dirty:  %8lu kB\n"
		"Anonymous:      %8lu kB\n", (vma->vm_end - vma->vm_start) >> KIB_SHIFT, v.rss >> KIB_SHIFT,
		v.shared_clean >> KIB_SHIFT, v.shared_dirty >> KIB_SHIFT, v.private_clean >> KIB_SHIFT,
		v.private_dirty >> KIB_SHIFT, v.anon >> KIB_SHIFT));
}

uint64_t proc_maps_show(struct mm_struct *mm, char *buf, uint64_t size, bool smaps)
{
	struct vm_area_struct *vma;
	uint64_t n = 0;

	for_each_vma(vma, mm) {
		n += show_line(mm, vma, buf + n, size - n);
		if (smaps)
			n += show_pages(mm, vma, buf + n, size - n);
	}
	return n;
}

void proc_mm_sizes(struct mm_struct *mm, struct proc_mm_sizes *s)
{
	struct vm_area_struct *vma;

	*s = (struct proc_mm_sizes){ 0 };
	for_each_vma(vma, mm) {
		struct vma_pages v = { .vma = vma };
		uint64_t kib = (vma->vm_end - vma->vm_start) >> KIB_SHIFT;
		s->vm_size += kib;
		if (vma->vm_start == mm->start_stack)
			s->vm_stk += kib;
		else if ((vma->vm_flags & VM_WRITE) && !(vma->vm_flags & VM_SHARED))
			s->vm_data += kib;
		visit_range(mm->pgd, vma->vm_start, vma->vm_end, count_page, &v);
		s->vm_rss += v.rss >> KIB_SHIFT;
	}
}

uint64_t proc_cmdline(struct mm_struct *mm, char *buf, uint64_t size)
{
	uint64_t end = MIN(mm->arg_end, mm->arg_start + size), n = 0;

	for (uint64_t va = mm->arg_start; va < end;) {
		pte_t *pte = walk(mm->pgd, va, false);
		uint64_t chunk = MIN(PGROUNDDOWN(va) + PGSIZE, end) - va;
		if (!pte || !pte_present(*pte))
			break;                 /* never written back out: there is no swap, so not expected */
		memcpy(buf + n, (char *)PA2VA(pte_pa(*pte)) + (va & (PGSIZE - 1)), chunk);
		n += chunk;
		va += chunk;
	}
	return n;
}

struct inode *proc_exe_file(struct mm_struct *mm)
{
	return mm->exe_file;
}
