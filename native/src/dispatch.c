/* Picks the kernel set once, when the library loads, and keeps per-thread thread counts. */
#include "corebound.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const cb_kernel_table *const all_sets[] = {
#ifdef COREBOUND_KERNELS_AVX512
    &cb_kernels_avx512,
#endif
#ifdef COREBOUND_KERNELS_AVX2
    &cb_kernels_avx2,
#endif
    &cb_kernels_generic,
};
#define SET_COUNT (sizeof all_sets / sizeof all_sets[0])

static const cb_kernel_table *active = &cb_kernels_generic;

static const cb_kernel_table *find(const char *name) {
    for (size_t i = 0; i < SET_COUNT; i++) {
        if (strcmp(all_sets[i]->name, name) == 0) {
            return all_sets[i];
        }
    }
    return NULL;
}

/* The widest set this CPU runs, unless COREBOUND_KERNELS names another one it runs. */
__attribute__((constructor)) static void choose_kernels(void) {
    for (size_t i = 0; i < SET_COUNT; i++) {
        if (all_sets[i]->supported()) {
            active = all_sets[i];
            break;
        }
    }
    const char *wanted = getenv("COREBOUND_KERNELS");
    if (wanted != NULL && *wanted != '\0') {
        cb_select_kernel_set(wanted);
    }
}

const cb_kernel_table *cb_active(void) {
    return active;
}

CB_API const char *cb_kernel_set(void) {
    return active->name;
}

CB_API int cb_select_kernel_set(const char *name) {
    const cb_kernel_table *set = find(name);
    if (set == NULL) {
        return -1;
    }
    if (!set->supported()) {
        return -2;
    }
    active = set;
    return 0;
}

#ifdef COREBOUND_OPENMP
static _Thread_local int thread_count = 1;

CB_API int cb_set_num_threads(int n) {
    thread_count = n < 1 ? 1 : n;
    return thread_count;
}

int cb_threads(void) {
    return thread_count;
}
#else
CB_API int cb_set_num_threads(int n) {
    (void) n;
    return 1;
}

int cb_threads(void) {
    return 1;
}
#endif

CB_API int cb_get_num_threads(void) {
    return cb_threads();
}
