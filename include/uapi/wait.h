/*
 * uapi/wait.h: the wait4 status word and options (Linux values). A normal exit is code << 8; a process
 * killed by a signal reports the signal number in the low 7 bits (bit 7 would be the core-dump flag).
 */
#ifndef _UAPI_WAIT_H
#define _UAPI_WAIT_H

#define WNOHANG 0x1
#define WUNTRACED 0x2
#define WCONTINUED 0x8
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define W_SIGMASK 0x7f                          /* the terminating signal */
#define W_CODESHIFT 8                           /* the exit code's position */
#define W_CODEMASK 0xff
#define W_EXITCODE(code) (((code) & W_CODEMASK) << W_CODESHIFT)
#define WTERMSIG(status) ((status) & W_SIGMASK)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (!WIFEXITED(status))
#define WEXITSTATUS(status) (((status) >> W_CODESHIFT) & W_CODEMASK)

#endif
