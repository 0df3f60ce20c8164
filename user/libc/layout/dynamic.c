/* layout/dynamic.c: a dynamically linked glibc program: execve must refuse it (no ld.so here). */
#include <stdio.h>

int main(void)
{
	puts("dynamic: FAIL ran without its interpreter");
	return 1;
}
