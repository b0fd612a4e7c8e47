/*
 * Packing buffers from one process-wide pool. A call takes the buffers it
 * packs into and gives them back before it returns, so:
 * - threads that come and go (a POSIX thread per call, Java workers) reuse
 *   pages that are already faulted in; fresh pages cost more than the packing
 *   (measured: a new thread per two-phase call, each with its own new 576 KiB
 *   buffer, made n = 1024 on 2 threads 1.5x slower);
 * - a thread that exits leaves nothing behind;
 * - the pool holds at most as many buffers as calls ever ran at once.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static cb_scratch *free_list;

/* (Re)allocates s->data for `doubles`, 64-byte aligned (a cache line, and any vector load). */
static void grow(cb_scratch *s, int64_t doubles) {
    free(s->data);
    size_t bytes = ((size_t) doubles * sizeof(double) + 63) / 64 * 64;
    s->data = aligned_alloc(64, bytes);
    if (s->data == NULL) {
        abort(); /* out of memory for a few MiB: nothing sensible to return through a void BLAS call */
    }
    s->capacity = doubles;
}

cb_scratch *cb_take_scratch(int64_t doubles) {
    pthread_mutex_lock(&lock);
    /* The first free buffer that is big enough; else the biggest, which grows (the pool stays small). */
    cb_scratch **best = NULL;
    for (cb_scratch **at = &free_list; *at != NULL; at = &(*at)->next) {
        if ((*at)->capacity >= doubles) {
            best = at;
            break;
        }
        if (best == NULL || (*at)->capacity > (*best)->capacity) {
            best = at;
        }
    }
    cb_scratch *s = NULL;
    if (best != NULL) {
        s = *best;
        *best = s->next;
    }
    pthread_mutex_unlock(&lock);
    if (s == NULL) {
        s = calloc(1, sizeof *s);
        if (s == NULL) {
            abort();
        }
    }
    if (s->capacity < doubles) {
        grow(s, doubles);
    }
    return s;
}

void cb_return_scratch(cb_scratch *s) {
    if (s == NULL) {
        return;
    }
    pthread_mutex_lock(&lock);
    s->next = free_list;
    free_list = s;
    pthread_mutex_unlock(&lock);
}
