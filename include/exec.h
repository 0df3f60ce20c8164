/* exec.h: replacing a process's program. */
#ifndef _EXEC_H
#define _EXEC_H

/* Replace current's address space with the program file path (argv/envp in kernel memory). 0 or -errno. */
int kernel_execve(const char *path, char *const argv[], char *const envp[]);

/* Why kernel_execve failed with err, in words (for the [init] line). */
const char *exec_strerror(int err);

#endif
