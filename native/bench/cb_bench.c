/*
 * The C baseline: times corebound's kernels and, given --openblas
 * /path/to/libopenblas.so, the same operations in OpenBLAS (loaded with
 * dlopen, so no OpenBLAS headers are needed), side by side in one run.
 * corebound's Java benchmarks compare their FFM calls against these numbers.
 *
 *   cb_bench [--openblas LIB] [--reps R] [--threads T] OP N...
 *
 *   dgemm         C = A * B (square, no transposes, beta = 0), GFLOP/s and % of the FMA peak
 *   dgemm-packed  the same through the two-phase API: T POSIX threads (standing in for Java
 *                 workers) pack their share of B's columns, then each computes its rows of C
 *   ddot, daxpy   GB/s of vector traffic (16 and 24 bytes per element)
 *
 * The FMA peak is measured at start with cb_peak_fma on one core; % of peak
 * is against T times that. OpenBLAS runs on T threads too
 * (openblas_set_num_threads), so one core is compared with one core.
 * Each figure is the best of R timed samples after a warm-up; a sample
 * repeats the call until it lasts at least 20 ms, so small sizes time well.
 */
#include "corebound.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *, int,
                         double, double *, int);
typedef double (*ddot_fn)(int, const double *, int, const double *, int);
typedef void (*daxpy_fn)(int, double, const double *, int, double *, int);

enum { CBLAS_ROW_MAJOR = 101, CBLAS_NO_TRANS = 111 };

typedef struct openblas {
    dgemm_fn dgemm;
    ddot_fn ddot;
    daxpy_fn daxpy;
} openblas;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static double *filled(int64_t n) {
    double *p = aligned_alloc(64, (sizeof(double) * (size_t) n + 63) / 64 * 64);
    if (p == NULL) {
        fprintf(stderr, "out of memory for %lld doubles\n", (long long) n);
        exit(1);
    }
    for (int64_t i = 0; i < n; i++) {
        p[i] = (double) ((i * 7919) % 1000) / 1000.0 - 0.5;
    }
    return p;
}

/* What one timed operation needs: the call and its arguments. */
typedef struct operation {
    void (*run)(const struct operation *op);
    int64_t n;
    int threads;
    const openblas *ob;
    double *a, *b, *c;
} operation;

/* Seconds per call: best of `reps` samples, each repeating the call for at least 20 ms, after one warm-up. */
static double seconds_per_call(const operation *op, int reps) {
    op->run(op);
    int calls = 1;
    double t0 = now();
    while (now() - t0 < 0.02) {
        op->run(op);
        calls++;
    }
    double best = 1e300;
    for (int r = 0; r < reps; r++) {
        double start = now();
        for (int i = 0; i < calls; i++) {
            op->run(op);
        }
        double per_call = (now() - start) / calls;
        best = per_call < best ? per_call : best;
    }
    return best;
}

static void cb_gemm(const operation *op) {
    int64_t n = op->n;
    cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, n, n, n, 1.0, op->a, n, op->b, n, 0.0, op->c, n);
}

static void ob_gemm(const operation *op) {
    int n = (int) op->n;
    op->ob->dgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, n, n, n, 1.0, op->a, n, op->b, n, 0.0, op->c, n);
}

/* The two-phase API as Java workers use it: one worker per thread, a barrier between packing and computing. */
typedef struct worker {
    const operation *op;
    int index;
    double *packed;
    pthread_barrier_t *packed_all;
} worker;

static void *packed_worker(void *arg) {
    const worker *w = arg;
    int64_t n = w->op->n, step = cb_dgemm_column_step();
    int64_t granules = (n + step - 1) / step;
    int64_t j0 = granules * w->index / w->op->threads * step;
    int64_t j1 = granules * (w->index + 1) / w->op->threads * step;
    cb_dgemm_pack_b(CB_NO_TRANS, n, n, 1.0, w->op->b, n, j0, j1 < n ? j1 : n, w->packed);
    pthread_barrier_wait(w->packed_all);
    int64_t i0 = n * w->index / w->op->threads, i1 = n * (w->index + 1) / w->op->threads;
    cb_dgemm_packed(CB_NO_TRANS, i1 - i0, n, w->op->a + i0 * n, n, w->packed, n, 0, n, 0.0, w->op->c + i0 * n, n);
    return NULL;
}

static void cb_gemm_packed(const operation *op) {
    static double *packed;
    static int64_t packed_size;
    int64_t size = cb_dgemm_packed_b_size(op->n, op->n);
    if (size > packed_size) {
        free(packed);
        packed = filled(size);
        packed_size = size;
    }
    pthread_barrier_t barrier;
    pthread_barrier_init(&barrier, NULL, (unsigned) op->threads);
    pthread_t ids[64];
    worker workers[64];
    for (int t = 0; t < op->threads; t++) {
        workers[t] = (worker) {op, t, packed, &barrier};
        if (t > 0) {
            pthread_create(&ids[t], NULL, packed_worker, &workers[t]);
        }
    }
    packed_worker(&workers[0]);
    for (int t = 1; t < op->threads; t++) {
        pthread_join(ids[t], NULL);
    }
    pthread_barrier_destroy(&barrier);
}

static volatile double sink;

static void cb_dot(const operation *op) {
    sink = cb_ddot(op->n, op->a, op->b);
}

static void ob_dot(const operation *op) {
    sink = op->ob->ddot((int) op->n, op->a, 1, op->b, 1);
}

/* alpha alternates sign so that y stays bounded over millions of calls. */
static void cb_axpy(const operation *op) {
    static double alpha = 1e-3;
    alpha = -alpha;
    cb_daxpy(op->n, alpha, op->a, op->b);
}

static void ob_axpy(const operation *op) {
    static double alpha = 1e-3;
    alpha = -alpha;
    op->ob->daxpy((int) op->n, alpha, op->a, 1, op->b, 1);
}

static double peak_gflops(void) {
    double best = 0;
    for (int r = 0; r < 5; r++) {
        double t0 = now();
        int64_t flops = cb_peak_fma(20000000, (double *) &sink);
        double rate = (double) flops / (now() - t0) / 1e9;
        best = rate > best ? rate : best;
    }
    return best;
}

/* A rate and, when there is a peak to compare with, its share of it. */
static void print_rate(double rate, double peak) {
    printf(" %12.2f", rate);
    if (peak > 0) {
        printf(" %6.1f%%", 100 * rate / peak);
    } else {
        printf(" %7s", "");
    }
}

static void usage(void) {
    fprintf(stderr, "usage: cb_bench [--openblas LIB] [--reps R] [--threads T] dgemm|dgemm-packed|ddot|daxpy N...\n");
    exit(2);
}

static int load_openblas(const char *path, int threads, openblas *ob) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "cannot load %s: %s\n", path, dlerror());
        return -1;
    }
    ob->dgemm = (dgemm_fn) dlsym(lib, "cblas_dgemm");
    ob->ddot = (ddot_fn) dlsym(lib, "cblas_ddot");
    ob->daxpy = (daxpy_fn) dlsym(lib, "cblas_daxpy");
    void (*set_threads)(int) = (void (*)(int)) dlsym(lib, "openblas_set_num_threads");
    int (*get_threads)(void) = (int (*)(void)) dlsym(lib, "openblas_get_num_threads");
    char *(*corename)(void) = (char *(*)(void)) dlsym(lib, "openblas_get_corename");
    if (ob->dgemm == NULL || ob->ddot == NULL || ob->daxpy == NULL || set_threads == NULL || get_threads == NULL) {
        fprintf(stderr, "%s does not look like OpenBLAS\n", path);
        return -1;
    }
    set_threads(threads);
    printf("# OpenBLAS %s, core %s, %d thread(s)\n", path, corename ? corename() : "?", get_threads());
    return 0;
}

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
    if (i + 1 >= argc || threads < 1 || threads > 64 || reps < 1) {
        usage();
    }
    const char *name = argv[i];
    void (*mine)(const operation *) = NULL;
    void (*theirs)(const operation *) = NULL;
    int flops_per = 0, bytes_per = 0; /* per n^3 (gemm) or per element (level 1) */
    if (strcmp(name, "dgemm") == 0 || strcmp(name, "dgemm-packed") == 0) {
        mine = name[5] == '\0' ? cb_gemm : cb_gemm_packed;
        theirs = ob_gemm;
        flops_per = 2;
    } else if (strcmp(name, "ddot") == 0) {
        mine = cb_dot;
        theirs = ob_dot;
        bytes_per = 16;
    } else if (strcmp(name, "daxpy") == 0) {
        mine = cb_axpy;
        theirs = ob_axpy;
        bytes_per = 24;
    } else {
        usage();
    }

    openblas ob = {0};
    if (openblas_path != NULL && load_openblas(openblas_path, threads, &ob) != 0) {
        return 1;
    }
    cb_set_num_threads(threads);
    double peak = peak_gflops();
    printf("# corebound %s, kernels %s, %d thread(s); FMA peak %.1f GFLOP/s per core (cb_peak_fma)\n",
           cb_version(), cb_kernel_set(), threads, peak);
    const char *unit = flops_per ? "GFLOP/s" : "GB/s";
    printf("%-13s %9s %12s %7s", name, "n", "corebound", flops_per ? "% peak" : "");
    if (openblas_path) {
        printf(" %12s %7s %7s", "openblas", flops_per ? "% peak" : "", "ratio");
    }
    printf("   (%s)\n", unit);

    for (i++; i < argc; i++) {
        int64_t n = atoll(argv[i]);
        int64_t elements = flops_per ? n * n : n;
        operation op = {mine, n, threads, &ob, filled(elements), filled(elements), filled(elements)};
        double work = flops_per ? (double) flops_per * (double) n * (double) n * (double) n
                                : (double) bytes_per * (double) n;
        double rate_cb = work / seconds_per_call(&op, reps) / 1e9;
        printf("%-13s %9lld", name, (long long) n);
        print_rate(rate_cb, flops_per ? peak * threads : 0);
        if (openblas_path) {
            op.run = theirs;
            double rate_ob = work / seconds_per_call(&op, reps) / 1e9;
            print_rate(rate_ob, flops_per ? peak * threads : 0);
            printf(" %6.2fx", rate_cb / rate_ob);
        }
        printf("\n");
        free(op.a);
        free(op.b);
        free(op.c);
    }
    return 0;
}
