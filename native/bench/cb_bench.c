/*
 * The C baseline: times corebound's kernels and, given --openblas
 * /path/to/libopenblas.so, the same operations in OpenBLAS (loaded with
 * dlopen, so no OpenBLAS headers are needed), side by side in one run.
 * corebound's Java benchmarks compare their FFM calls against these numbers.
 *
 *   cb_bench [--openblas LIB] [--reps R] [--threads T] OP N...
 *
 *   dgemm         C = A * B (square, no transposes, beta = 0), GFLOP/s and % of the FMA peak
 *   dgemm-packed  the same through the two-phase API: a pool of T POSIX threads (standing in
 *                 for Java workers) packs its shares of B's columns, then each computes its rows of C
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
#include <stdatomic.h>
#include <stdint.h>
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

/*
 * The two-phase API as Java workers use it: a pool of T workers (the calling
 * thread and T - 1 threads that live as long as the program, like a Java
 * thread pool) packs B's columns in equal shares, meets at a barrier, then
 * each computes its rows of C.
 *
 * Workers wait for each other by spinning for up to 2 ms before they sleep,
 * as OpenMP's threads do. A worker that sleeps between calls is woken by the
 * scheduler on the caller's core in many calls on a VM (measured here: 13 of
 * 20 calls at n = 2048), which halves the rate of the whole call until it is
 * moved; spinning keeps back-to-back calls on their own cores.
 */
typedef struct handoff {
    atomic_int arrived;
    atomic_int generation;
    int count;
    pthread_mutex_t lock;
    pthread_cond_t wake;
} handoff;

static void handoff_init(handoff *h, int count) {
    atomic_init(&h->arrived, 0);
    atomic_init(&h->generation, 0);
    h->count = count;
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->wake, NULL);
}

/* A barrier: returns once all `count` threads have called it. */
static void handoff_wait(handoff *h) {
    int generation = atomic_load(&h->generation);
    if (atomic_fetch_add(&h->arrived, 1) == h->count - 1) {
        atomic_store(&h->arrived, 0);
        pthread_mutex_lock(&h->lock);
        atomic_store(&h->generation, generation + 1);
        pthread_cond_broadcast(&h->wake);
        pthread_mutex_unlock(&h->lock);
        return;
    }
    for (double start = now(); now() - start < 0.002;) {
        for (int i = 0; i < 100; i++) {
            if (atomic_load(&h->generation) != generation) {
                return;
            }
        }
    }
    pthread_mutex_lock(&h->lock);
    while (atomic_load(&h->generation) == generation) {
        pthread_cond_wait(&h->wake, &h->lock);
    }
    pthread_mutex_unlock(&h->lock);
}

/* The pool: workers 1 .. threads - 1 run each call that worker 0 (the caller) starts. */
static struct {
    int threads;
    pthread_t ids[64];
    handoff start, packed_all, finished;
    const operation *op; /* the call in progress; NULL tells the workers to exit */
    double *packed;
    int64_t packed_size;
} pool;

static void packed_share(int index) {
    const operation *op = pool.op;
    int64_t n = op->n, step = cb_dgemm_column_step();
    int64_t granules = (n + step - 1) / step;
    int64_t j0 = granules * index / op->threads * step;
    int64_t j1 = granules * (index + 1) / op->threads * step;
    cb_dgemm_pack_b(CB_NO_TRANS, n, n, 1.0, op->b, n, j0, j1 < n ? j1 : n, pool.packed);
    handoff_wait(&pool.packed_all);
    int64_t i0 = n * index / op->threads, i1 = n * (index + 1) / op->threads;
    cb_dgemm_packed(CB_NO_TRANS, i1 - i0, n, op->a + i0 * n, n, pool.packed, n, 0, n, 0.0, op->c + i0 * n, n);
}

static void *pool_worker(void *arg) {
    int index = (int) (intptr_t) arg;
    for (;;) {
        handoff_wait(&pool.start);
        if (pool.op == NULL) {
            return NULL;
        }
        packed_share(index);
        handoff_wait(&pool.finished);
    }
}

static void pool_start(int threads) {
    pool.threads = threads;
    handoff_init(&pool.start, threads);
    handoff_init(&pool.packed_all, threads);
    handoff_init(&pool.finished, threads);
    for (int t = 1; t < threads; t++) {
        pthread_create(&pool.ids[t], NULL, pool_worker, (void *) (intptr_t) t);
    }
}

static void pool_stop(void) {
    if (pool.threads == 0) {
        return;
    }
    pool.op = NULL;
    handoff_wait(&pool.start);
    for (int t = 1; t < pool.threads; t++) {
        pthread_join(pool.ids[t], NULL);
    }
    free(pool.packed);
}

static void cb_gemm_packed(const operation *op) {
    int64_t size = cb_dgemm_packed_b_size(op->n, op->n);
    if (size > pool.packed_size) {
        free(pool.packed);
        pool.packed = filled(size);
        pool.packed_size = size;
    }
    if (pool.threads == 0) {
        pool_start(op->threads);
    }
    pool.op = op;
    handoff_wait(&pool.start);
    packed_share(0);
    handoff_wait(&pool.finished);
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
    pool_stop();
    return 0;
}
