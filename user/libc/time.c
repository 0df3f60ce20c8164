/*
 * time.c: clocks and sleeping through glibc: time, clock_gettime (REALTIME, MONOTONIC, process CPU
 * time), gettimeofday, clock_getres, times, clock; nanosleep/usleep/sleep really wait (and use no CPU
 * time while asleep); children sleeping different times wake in order.
 */
#include "common.h"
#include <stdlib.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>

#define NS 1000000000L
#define YEAR_2020 1577836800L

static long elapsed_ns(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * NS + (b->tv_nsec - a->tv_nsec);
}

static long cpu_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec * NS + t.tv_nsec;
}

static void check_clocks(void)
{
	struct timespec rt, mono, res;
	struct timeval tv;

	CHECK("time_after_2020", time(NULL) > YEAR_2020);
	CHECK("clock_realtime", clock_gettime(CLOCK_REALTIME, &rt) == 0 && rt.tv_sec > YEAR_2020 &&
				    rt.tv_nsec >= 0 && rt.tv_nsec < NS);
	CHECK("gettimeofday", gettimeofday(&tv, NULL) == 0 && labs(tv.tv_sec - rt.tv_sec) <= 1 &&
				  tv.tv_usec < 1000000);
	CHECK("clock_monotonic", clock_gettime(CLOCK_MONOTONIC, &mono) == 0 && mono.tv_nsec < NS);
	CHECK("clock_getres", clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0 &&
				  res.tv_nsec <= 1000000);
	CHECK("clock_bad_id", clock_gettime(12345, &res) == -1 && errno == EINVAL);
}

static void check_sleep(void)
{
	struct timespec a, b, req = { 0, 50 * 1000 * 1000 }, bad = { 0, NS };
	long cpu0 = cpu_ns();

	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK("nanosleep", nanosleep(&req, NULL) == 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK("nanosleep_waited", elapsed_ns(&a, &b) >= 50 * 1000 * 1000 && elapsed_ns(&a, &b) < NS);
	CHECK("sleep_used_no_cpu", cpu_ns() - cpu0 < 20 * 1000 * 1000);
	CHECK("nanosleep_bad", nanosleep(&bad, NULL) == -1 && errno == EINVAL);
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK("usleep", usleep(20000) == 0);
	CHECK("sleep", sleep(1) == 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK("sleep_waited", elapsed_ns(&a, &b) >= NS + 20 * 1000 * 1000);
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += 10 * 1000 * 1000;
	if (until.tv_nsec >= NS) {
		until.tv_sec++;
		until.tv_nsec -= NS;
	}
	CHECK("clock_nanosleep_abs", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK("clock_nanosleep_waited", elapsed_ns(&until, &b) >= 0);
}

static void check_cpu_time(void)
{
	struct tms t0, t1;
	volatile unsigned long x = 0;
	long cpu0 = cpu_ns();
	clock_t c0 = clock(), ticks0 = times(&t0);

	for (unsigned long i = 0; i < 30 * 1000 * 1000; i++)
		x += i;
	clock_t ticks1 = times(&t1);
	CHECK("cpu_time_grows", cpu_ns() > cpu0 && clock() > c0);
	CHECK("times", ticks0 != (clock_t)-1 && ticks1 >= ticks0 && t1.tms_utime + t1.tms_stime >= t0.tms_utime);
	CHECK("clk_tck", sysconf(_SC_CLK_TCK) == 100);
}

static void check_wake_order(void)
{
	static const int delays_ms[] = { 30, 10, 20 };
	int status;

	fflush(stdout);
	for (int i = 0; i < 3; i++) {
		if (fork() == 0) {
			usleep(delays_ms[i] * 1000);
			printf("woke after %d ms\n", delays_ms[i]);
			exit(0);
		}
	}
	while (wait(&status) > 0)
		;
}

int main(void)
{
	check_clocks();
	check_sleep();
	check_cpu_time();
	check_wake_order();
	return done();
}
