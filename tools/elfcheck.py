#!/usr/bin/env python3
"""elfcheck.py: say, before QEMU starts, why the kernel could not run a program given with ELF=.

    elfcheck.py FILE      prints nothing and exits 0 when FILE is a program the kernel runs;
                          otherwise prints "FILE: <reason in words>" and exits 1

The kernel runs a static little-endian ELF64 RISC-V program: an executable (ET_EXEC) or a static PIE
(ET_DYN without PT_INTERP, loaded at ELF_ET_DYN_BASE), whose program headers lie in its first page and
whose PT_LOAD segments lie inside the file, below USER_END once loaded, with p_vaddr and p_offset
congruent modulo the page size (arch/riscv/kernel/elf.c checks the same things).
"""
import struct
import sys

PAGE = 4096
USER_END = 0x4000000000
EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")
ET_NAMES = {0: "no file type", 1: "a relocatable object (.o): link it first", 4: "a core dump"}
MACHINES = {3: "x86 (32-bit)", 62: "x86-64", 40: "ARM", 183: "AArch64", 8: "MIPS", 21: "PowerPC64"}
PT_LOAD, PT_INTERP = 1, 3
EM_RISCV, ELFCLASS64, ELFDATA2LSB, ET_EXEC, ET_DYN = 243, 2, 1, 2, 3
ELF_ET_DYN_BASE = USER_END // 3 * 2 // PAGE * PAGE    # where the kernel loads a static PIE


def header_problem(data):
    if len(data) < 4 or data[:4] != b"\x7fELF":
        if data[:2] == b"#!":
            return "a script, not a compiled program"
        if data and all(b in b"\t\n\r" or 32 <= b < 127 for b in data[:512]):
            return "a text file, not an ELF program"
        return "not an ELF file (no \\177ELF magic)"
    if len(data) < EHDR.size:
        return f"truncated: {len(data)} bytes, shorter than an ELF64 header"
    if data[4] != ELFCLASS64:
        return "a 32-bit ELF (ELFCLASS32): build for rv64 (-march=rv64... -mabi=lp64)"
    if data[5] != ELFDATA2LSB:
        return "big-endian: RISC-V programs are little-endian"
    e = EHDR.unpack_from(data)
    if e[2] != EM_RISCV:
        return f"built for {MACHINES.get(e[2], f'machine {e[2]}')}, not RISC-V (EM_RISCV 243)"
    if e[1] not in (ET_EXEC, ET_DYN):
        return ET_NAMES.get(e[1], f"ELF type {e[1]}, not an executable")
    return None


def segments(data):
    """The program headers as tuples, or a string saying why they cannot be read."""
    e = EHDR.unpack_from(data)
    phoff, phentsize, phnum = e[5], e[9], e[10]
    if phentsize != PHDR.size:
        return f"program header entries of {phentsize} bytes, not {PHDR.size}"
    if phoff + phnum * PHDR.size > len(data):
        return f"truncated: the program headers end at byte {phoff + phnum * PHDR.size}, the file at {len(data)}"
    if phoff + phnum * PHDR.size > PAGE:
        return "the program headers do not lie in the first 4 KiB page"
    return [PHDR.unpack_from(data, phoff + i * PHDR.size) for i in range(phnum)]


def segment_problem(ph, size, bias):
    p_type, _, off, vaddr, _, filesz, memsz, _ = ph
    vaddr += bias
    if off + filesz > size:
        return f"truncated: a segment needs bytes up to {off + filesz}, the file has {size}"
    if filesz > memsz:
        return "a segment with more file bytes than memory bytes"
    if vaddr + memsz > USER_END:
        return f"a segment at {vaddr:#x} reaches past user space (USER_END {USER_END:#x})"
    if vaddr % PAGE != off % PAGE:
        return f"a segment at {vaddr:#x} whose file offset {off:#x} is not congruent modulo 4 KiB"
    return None


def problem(data):
    """Why the kernel cannot run an ELF with these bytes, or None."""
    why = header_problem(data)
    if why:
        return why
    phdrs = segments(data)
    if isinstance(phdrs, str):
        return phdrs
    if any(ph[0] == PT_INTERP for ph in phdrs):
        return "dynamically linked (it asks for an interpreter): rebuild with -static"
    loads = [ph for ph in phdrs if ph[0] == PT_LOAD and ph[6]]
    if not loads:
        return "no loadable segment"
    low = min(ph[3] // PAGE * PAGE for ph in loads)
    bias = ELF_ET_DYN_BASE - low if EHDR.unpack_from(data)[1] == ET_DYN and low < ELF_ET_DYN_BASE else 0
    return next(filter(None, (segment_problem(ph, len(data), bias) for ph in loads)), None)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    path = sys.argv[1]
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise SystemExit(f"{path}: {e.strerror}")
    why = problem(data)
    if why:
        raise SystemExit(f"{path}: {why}")


if __name__ == "__main__":
    main()
