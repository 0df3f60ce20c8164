/* uapi/sysinfo.h: Linux's 64-bit struct sysinfo (112 bytes); memory sizes in units of mem_unit bytes. */
#ifndef _UAPI_SYSINFO_H
#define _UAPI_SYSINFO_H

struct sysinfo {
	long uptime;                /* seconds since boot */
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[4];                 /* padding Linux names explicitly; zeroed */
};
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo must match Linux");

#endif
