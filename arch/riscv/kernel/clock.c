/*
 * clock.c: the periodic timer tick that drives the scheduler, and the guest-time budget (boot option
 * budget=<n>): the first tick past n instructions of guest time powers the machine off, so a hang
 * ends deterministically instead of after some wall-clock timeout. On a hart with Sstc (QEMU 7.2
 * has it; the device tree's riscv,isa says) the tick is armed by writing stimecmp, else by an SBI call.
 */
#include "sched.h"
#include "bootargs.h"
#include "riscv.h"
#include "sbi.h"
#include "printk.h"

/*
 * One tick = TIMER_INTERVAL ticks of the 10 MHz `time` CSR = 1 ms. Under -icount shift=0 one
 * instruction is 1 ns, so a tick is one million instructions.
 */
#define TIMER_INTERVAL 10000
#define ZJU_TIMER_INTERVAL 10000000   /* zju=1: the lab's tick, one second of guest time */
#define NS_PER_TIME_TICK 100        /* the 10 MHz time CSR: one tick is 100 ns, i.e. 100 instructions */
#define CSR_STIMECMP "0x14d"         /* Sstc's supervisor timer compare (named for old assemblers) */
#define BUDGET_STATUS 124           /* QEMU's exit status when the budget runs out (as timeout(1)) */

uint64_t instruction_budget;        /* budget=<n>; 0: none */
static bool has_sstc;               /* the hart has Sstc: stimecmp is written directly, no SBI call */

/*
 * Guest time counts instructions and idle time alike (-icount shift=0), so a kernel waiting forever
 * with nothing runnable also reaches the budget.
 */
void clock_check_budget(void)
{
	uint64_t used = rdtime() * NS_PER_TIME_TICK;

	if (!instruction_budget || used < instruction_budget)
		return;
	printk("[budget] %lu instructions of guest time used, budget %lu: powering off\n", used, instruction_budget);
	sbi_shutdown(BUDGET_STATUS);
}

void clock_set_next_event(void)
{
	uint64_t next = rdtime() + (zju_mode ? ZJU_TIMER_INTERVAL : TIMER_INTERVAL);

	if (has_sstc)
		asm volatile("csrw " CSR_STIMECMP ", %0" ::"r"(next));   /* also clears the pending interrupt */
	else
		sbi_set_timer(next);
}

void clock_init(bool sstc)
{
	has_sstc = sstc;
	csr_set(sie, SIE_STIE);
	clock_set_next_event();
}
