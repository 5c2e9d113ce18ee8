/* Password-check slots as byte-range locks; see pwslot.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ssh/pwslot.h"

#define POLL_MS 20

int
pwslot_open(const char *path)
{
	return open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
}

/* Byte i of the file is slot i; OFD locks belong to this open file, not to
 * the process, so two monitors that each opened the file exclude each other. */
static int
slot_lock(int fd, int slot, short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = slot;
	fl.l_len = 1;
	return fcntl(fd, F_OFD_SETLK, &fl);
}

int
pwslot_take(int fd, int nslots, int wait_ms)
{
	struct timespec pause = { 0, POLL_MS * 1000000L };
	int waited = 0;

	for (;;) {
		for (int i = 0; i < nslots; i++)
			if (slot_lock(fd, i, F_WRLCK) == 0)
				return i;
		if (waited >= wait_ms || (errno != EAGAIN && errno != EACCES))
			return -1;
		nanosleep(&pause, NULL);
		waited += POLL_MS;
	}
}

void
pwslot_give(int fd, int slot)
{
	if (slot >= 0)
		slot_lock(fd, slot, F_UNLCK);
}
