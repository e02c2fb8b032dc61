#define _GNU_SOURCE
#include "thread_placement.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

/// What the new thread needs before it runs the caller's function.
struct placement {
    void *(*start)(void *);
    void *argument;
    cpu_set_t allowed;
    int placed;
};

static void *run_placed(void *context) {
    struct placement placement = *(struct placement *)context;
    free(context);
    if (placement.placed) sched_setaffinity(0, sizeof placement.allowed, &placement.allowed);
    return placement.start(placement.argument);
}

int takehome_start_thread_elsewhere(size_t stack_size, void *(*start)(void *), void *argument) {
    struct placement *placement = malloc(sizeof *placement);
    if (placement == NULL) return ENOMEM;
    placement->start = start;
    placement->argument = argument;
    placement->placed = 0;

    pthread_attr_t attributes;
    int result = pthread_attr_init(&attributes);
    if (result != 0) { free(placement); return result; }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    if (stack_size > 0) pthread_attr_setstacksize(&attributes, stack_size);

    int current = sched_getcpu();
    if (current >= 0 && current < CPU_SETSIZE && sched_getaffinity(0, sizeof placement->allowed, &placement->allowed) == 0) {
        cpu_set_t elsewhere = placement->allowed;
        CPU_CLR(current, &elsewhere);
        if (CPU_COUNT(&elsewhere) > 0 && pthread_attr_setaffinity_np(&attributes, sizeof elsewhere, &elsewhere) == 0) {
            placement->placed = 1;
        }
    }

    pthread_t thread;
    result = pthread_create(&thread, &attributes, run_placed, placement);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(placement);
    return result;
}
