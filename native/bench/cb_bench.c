/*
 * The C baseline: times corebound's dgemm and ddot, and, given
 * --openblas /path/to/libopenblas.so, the same operations in OpenBLAS
 * (loaded with dlopen, so no OpenBLAS headers are needed). corebound's Java
 * benchmarks compare their FFM calls against these numbers.
 *
 *   cb_bench [--openblas LIB] [--reps R] [--threads T] dgemm N... | ddot N...
 */
#include "corebound.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *, int,
                         double, double *, int);
typedef double (*ddot_fn)(int, const double *, int, const double *, int);

enum { CBLAS_ROW_MAJOR = 101, CBLAS_NO_TRANS = 111 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static double *filled(int64_t n) {
    double *p = malloc(sizeof(double) * (size_t) n);
    for (int64_t i = 0; i < n; i++) {
        p[i] = (double) ((i * 7919) % 1000) / 1000.0 - 0.5;
    }
    return p;
}

/* Best of reps timed runs after one warm-up run. */
#define BEST_OF(reps, call, best)                      \
    do {                                               \
        call;                                          \
        best = 1e300;                                  \
        for (int r_ = 0; r_ < (reps); r_++) {          \
            double t0_ = now();                        \
            call;                                      \
            double dt_ = now() - t0_;                  \
            best = dt_ < best ? dt_ : best;            \
        }                                              \
    } while (0)

int main(int argc, char **argv) {
    const char *openblas_path = NULL;
    int reps = 5;
    int threads = 1;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (i + 1 >= argc) {
            fprintf(stderr, "%s needs a value\n", argv[i]);
            return 2;
        }
        if (strcmp(argv[i], "--openblas") == 0) {
            openblas_path = argv[i + 1];
        } else if (strcmp(argv[i], "--reps") == 0) {
            reps = atoi(argv[i + 1]);
        } else if (strcmp(argv[i], "--threads") == 0) {
            threads = atoi(argv[i + 1]);
        } else {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc || (strcmp(argv[i], "dgemm") != 0 && strcmp(argv[i], "ddot") != 0) || i + 1 >= argc) {
        fprintf(stderr, "usage: cb_bench [--openblas LIB] [--reps R] [--threads T] dgemm N... | ddot N...\n");
        return 2;
    }
    int gemm = strcmp(argv[i], "dgemm") == 0;

    dgemm_fn ob_dgemm = NULL;
    ddot_fn ob_ddot = NULL;
    if (openblas_path != NULL) {
        void *lib = dlopen(openblas_path, RTLD_NOW | RTLD_LOCAL);
        if (lib == NULL) {
            fprintf(stderr, "cannot load %s: %s\n", openblas_path, dlerror());
            return 1;
        }
        ob_dgemm = (dgemm_fn) dlsym(lib, "cblas_dgemm");
        ob_ddot = (ddot_fn) dlsym(lib, "cblas_ddot");
        void (*set_threads)(int) = (void (*)(int)) dlsym(lib, "openblas_set_num_threads");
        char *(*corename)(void) = (char *(*)(void)) dlsym(lib, "openblas_get_corename");
        if (ob_dgemm == NULL || ob_ddot == NULL || set_threads == NULL) {
            fprintf(stderr, "%s does not look like OpenBLAS\n", openblas_path);
            return 1;
        }
        set_threads(threads);
        printf("# OpenBLAS core %s, %d thread(s)\n", corename ? corename() : "?", threads);
    }
    cb_set_num_threads(threads);
    printf("# corebound %s, kernels %s, %d thread(s)\n", cb_version(), cb_kernel_set(), cb_get_num_threads());
    printf("%-6s %10s %14s %14s\n", "op", "n", "corebound", openblas_path ? "openblas" : "");

    for (i++; i < argc; i++) {
        int64_t n = atoll(argv[i]);
        double best_cb, best_ob = 0;
        if (gemm) {
            double *a = filled(n * n), *b = filled(n * n), *c = filled(n * n);
            BEST_OF(reps, cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, n, n, n, 1.0, a, n, b, n, 0.0, c, n), best_cb);
            if (ob_dgemm) {
                BEST_OF(reps, ob_dgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, (int) n, (int) n, (int) n,
                                       1.0, a, (int) n, b, (int) n, 0.0, c, (int) n), best_ob);
            }
            double flops = 2.0 * (double) n * (double) n * (double) n;
            printf("%-6s %10lld %9.2f GF/s", "dgemm", (long long) n, flops / best_cb / 1e9);
            if (ob_dgemm) {
                printf(" %9.2f GF/s", flops / best_ob / 1e9);
            }
            free(a);
            free(b);
            free(c);
        } else {
            double *x = filled(n), *y = filled(n);
            volatile double sink;
            int inner = (int) (100000000 / (n + 100)) + 1; /* enough calls to time small n */
            BEST_OF(reps, for (int r = 0; r < inner; r++) sink = cb_ddot(n, x, y), best_cb);
            if (ob_ddot) {
                BEST_OF(reps, for (int r = 0; r < inner; r++) sink = ob_ddot((int) n, x, 1, y, 1), best_ob);
            }
            (void) sink;
            double bytes = 16.0 * (double) n * inner;
            printf("%-6s %10lld %9.2f GB/s", "ddot", (long long) n, bytes / best_cb / 1e9);
            if (ob_ddot) {
                printf(" %9.2f GB/s", bytes / best_ob / 1e9);
            }
            free(x);
            free(y);
        }
        printf("\n");
    }
    return 0;
}
