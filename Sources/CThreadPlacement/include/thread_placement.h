#ifndef TAKEHOME_THREAD_PLACEMENT_H
#define TAKEHOME_THREAD_PLACEMENT_H

#include <stddef.h>

/// Starts a detached thread that runs start(argument) on a stack of stack_size bytes, placed first
/// on a CPU the caller is not running on, then allowed on every CPU the process may use again as
/// its first step. Linux otherwise queues a new thread on its creator's CPU until the load balancer
/// moves it, which on a virtual machine took 1.5 to 3 ms while the other CPU was idle. With one
/// usable CPU the thread is started as usual. Returns 0, or an errno value.
/// cpu_set_t's macros and the _np functions are GNU extensions Swift does not import.
int takehome_start_thread_elsewhere(size_t stack_size, void *(*start)(void *), void *argument);

#endif
