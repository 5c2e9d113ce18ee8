/* Signals as event-loop events (the self-pipe trick): a handler only
 * records which signal came and writes one byte to a pipe that the
 * process's single event loop polls. All real work happens in the loop. */
#ifndef SIGEVENT_H
#define SIGEVENT_H
#include <stdbool.h>
#include <stddef.h>

/* Creates the pipe (non-blocking, close-on-exec) and catches each signal in
 * sigs. Call once per process. Returns 0, or -1 with errno set. */
int sigevent_open(const int *sigs, size_t nsigs);

/* Closes the pipe, e.g. in a forked child that will set up its own.
 * Handlers stay installed until replaced. */
void sigevent_close(void);

/* The read end, to poll for POLLIN; -1 before sigevent_open. */
int sigevent_fd(void);

/* Empties the pipe after poll said it is readable. */
void sigevent_drain(void);

/* True if sig arrived since the last call for it (and forgets it). */
bool sigevent_take(int sig);

/* True if sig arrived at any time (not cleared). */
bool sigevent_seen(int sig);

#endif
