#include "corebound.h"

#ifndef COREBOUND_VERSION
#error "COREBOUND_VERSION must be defined by the build"
#endif

CB_API const char *cb_version(void) {
    return COREBOUND_VERSION;
}

/* Only tests call this: they check that a crashing worker process is detected and replaced. */
CB_API void cb_debug_segfault(void) {
    volatile int *nowhere = (volatile int *) 0;
    *nowhere = 1;
}
