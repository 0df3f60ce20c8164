/* uapi/utsname.h: struct new_utsname, what uname() fills (six 65-byte strings), for kernel and user. */
#ifndef _UAPI_UTSNAME_H
#define _UAPI_UTSNAME_H

#define UTS_LEN 65

struct new_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN], version[UTS_LEN], machine[UTS_LEN],
		domainname[UTS_LEN];
};

#endif
