/* clock.c: the periodic timer tick that drives the scheduler. */
#include "sched.h"
#include "riscv.h"
#include "sbi.h"

/*
 * One tick = TIMER_INTERVAL ticks of the 10 MHz `time` CSR = 1 ms. Under -icount shift=0 one
 * instruction is 1 ns, so a tick is one million instructions.
 */
#define TIMER_INTERVAL 10000

void clock_set_next_event(void)
{
	sbi_set_timer(rdtime() + TIMER_INTERVAL);
}

void clock_init(void)
{
	csr_set(sie, SIE_STIE);
	clock_set_next_event();
}
