# .gdbinit: loaded by `make gdb` after the kernel's symbols; make gdb then attaches to the stub
# `make debug` opened (target remote 127.0.0.1:$GDBPORT) and sets $userdir to the user programs' folder.
set architecture riscv:rv64
set pagination off

# make gdb sets $userdir first (build/user, or build/<toolchain>/user); by hand it is build/user.
if $_isvoid($userdir)
  set $userdir = "build/user"
end

# user-symbols NAME: add $userdir/NAME's symbols beside the kernel's (user code lives below 0x4000000000).
define user-symbols
  eval "add-symbol-file %s/$arg0", $userdir
end
document user-symbols
Load the symbols of user program NAME: user-symbols pfh1 (or: make gdb USER=pfh1).
end

# Kernel data is supervisor-only: stopped in user mode (a breakpoint in a user program), gdb cannot
# read it. _as_kernel switches QEMU's virtual $priv register to S (1) and, with $arg0 = 1, moves sp to
# the task's kernel stack (sscratch holds its top in user mode) for a call; _as_before undoes both.
define _as_kernel
  set $_saved_priv = $priv
  set $_saved_sp = $sp
  if $priv == 0
    set $priv = 1
    if $arg0
      set $sp = $sscratch - 1024
    end
  end
end
define _as_before
  set $sp = $_saved_sp
  set $priv = $_saved_priv
end

# vmas: the current task's VMAs, read by gdb itself (nothing runs in the guest).
define vmas
  _as_kernel 0
  if current->mm
    set $head = &current->mm->mmap
    set $node = $head->next
    while $node != $head
      set $v = (struct vm_area_struct *)((char *)$node - (unsigned long)&((struct vm_area_struct *)0)->vm_list)
      printf "%010lx-%010lx flags 0x%lx %s pgoff 0x%lx filesz 0x%lx\n", $v->vm_start, $v->vm_end, $v->vm_flags, $v->vm_ops->name, $v->vm_pgoff, $v->vm_filesz
      set $node = $node->next
    end
  end
  _as_before
end
document vmas
Print the current task's VMAs (also at a user-mode breakpoint): start-end, vm_flags (VM_READ 0x2, VM_WRITE 0x4, VM_EXEC 0x8), kind.
end

# ptdump: have the kernel print the current task's maps and page table to the console.
define ptdump
  _as_kernel 1
  call dump_mm(current->mm, current->pid)
  _as_before
end
document ptdump
Call dump_mm() in the halted kernel (also at a user-mode breakpoint): [maps] and [pgtable] lines
appear on QEMU's console.
end
