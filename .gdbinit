# .gdbinit: loaded by `make gdb` after the kernel's symbols. Attaches to the stub `make debug` opened.
set architecture riscv:rv64
set pagination off
target remote localhost:1234

# user-symbols NAME: add build/user/NAME's symbols beside the kernel's (user code lives below 0x4000000000).
define user-symbols
  add-symbol-file build/user/$arg0
end
document user-symbols
Load the symbols of user program NAME: user-symbols pfh1 (or: make gdb USER=pfh1).
end

# vmas: the current task's VMAs, read by gdb itself (nothing runs in the guest).
define vmas
  if current->mm
    set $head = &current->mm->mmap
    set $node = $head->next
    while $node != $head
      set $v = (struct vm_area_struct *)((char *)$node - (unsigned long)&((struct vm_area_struct *)0)->vm_list)
      printf "%010lx-%010lx flags 0x%lx %s pgoff 0x%lx filesz 0x%lx\n", $v->vm_start, $v->vm_end, $v->vm_flags, $v->vm_ops->name, $v->vm_pgoff, $v->vm_filesz
      set $node = $node->next
    end
  end
end
document vmas
Print the current task's VMAs: start-end, vm_flags (VM_READ 0x2, VM_WRITE 0x4, VM_EXEC 0x8), kind.
end

# ptdump: have the kernel print the current task's maps and page table to the console.
define ptdump
  call dump_mm(current->mm, current->pid)
end
document ptdump
Call dump_mm() in the halted kernel: [maps] and [pgtable] lines appear on QEMU's console.
end
