/*
 * ident.c: who and where a process is, through glibc: uname, user and group ids (root), pid and tid,
 * resource limits (an 8 MiB stack), getrandom, the CPU set, prctl names, and the auxiliary vector
 * glibc reads (page size, clock ticks, AT_RANDOM, AT_EXECFN, AT_SECURE).
 */
#include "common.h"
#include <sched.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	struct utsname u;
	struct rlimit rl;
	unsigned char rnd[32] = { 0 };
	cpu_set_t set;
	char name[16] = { 0 };

	CHECK("uname", uname(&u) == 0);
	printf("uname: sysname %s machine %s\n", u.sysname, u.machine);
	CHECK("ids_root", getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0);
	CHECK("gettid", gettid() == getpid());
	CHECK("rlimit_stack", getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur == 8 << 20);
	CHECK("rlimit_nofile", getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur >= 64);
	CHECK("rlimit_lower", setrlimit(RLIMIT_NOFILE, &(struct rlimit){ 32, rl.rlim_max }) == 0 &&
				  getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur == 32 && dup2(1, 40) == -1 &&
				  errno == EBADF);
	CHECK("getrandom", getrandom(rnd, sizeof(rnd), 0) == sizeof(rnd));
	int nonzero = 0;
	for (unsigned i = 0; i < sizeof(rnd); i++)
		nonzero += rnd[i] != 0;
	CHECK("getrandom_bytes", nonzero > 16);
	CHECK("sched_getaffinity", sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) >= 1 &&
				       CPU_ISSET(0, &set));
	CHECK("prctl_name", prctl(PR_SET_NAME, "worker") == 0 && prctl(PR_GET_NAME, name) == 0 &&
				!strcmp(name, "worker"));
	CHECK("auxv_pagesz", getauxval(AT_PAGESZ) == 4096 && sysconf(_SC_PAGESIZE) == 4096);
	CHECK("auxv_clktck", getauxval(AT_CLKTCK) == 100);
	CHECK("auxv_random", getauxval(AT_RANDOM) != 0);
	CHECK("auxv_execfn", getauxval(AT_EXECFN) && !strcmp((char *)getauxval(AT_EXECFN), argv[0]));
	CHECK("auxv_secure", getauxval(AT_SECURE) == 0 && getauxval(AT_UID) == 0);
	CHECK("auxv_hwcap", getauxval(AT_HWCAP) & (1 << ('i' - 'a')));
	return done();
}
