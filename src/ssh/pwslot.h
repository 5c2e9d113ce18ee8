/* A machine-wide cap on password verifications in flight: each argon2id
 * verification takes 64 MiB, so a flood of guesses across many connections
 * could otherwise exhaust memory and starve members already logged in.
 * Slots are byte-range locks (open file description locks, F_OFD_SETLK) on
 * one file beside the database: every monitor process of every listener
 * using that database shares them, and a slot is free again the moment
 * its holder exits, however it exits. */
#ifndef PWSLOT_H
#define PWSLOT_H

/* Opens (creating, mode 0600) the slot file. A descriptor, or -1 with errno. */
int pwslot_open(const char *path);

/* Takes one of nslots slots, polling for up to wait_ms when all are taken.
 * The slot's number, or -1 when none came free in time. Locks of one open
 * file never conflict with each other, so a holder gives its slot back
 * before it takes another (the monitor holds one at a time). */
int pwslot_take(int fd, int nslots, int wait_ms);

/* Gives slot back (-1 is a no-op). */
void pwslot_give(int fd, int slot);

#endif
