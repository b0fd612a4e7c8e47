/*
 * Internal interfaces of libcorebound: the per-ISA kernel table and the
 * helpers the portable framework files share. Not installed.
 */
#ifndef COREBOUND_INTERNAL_H
#define COREBOUND_INTERNAL_H

#include <stdint.h>

/*
 * One kernel set: the inner loops that differ per instruction set. Everything
 * else (blocking, packing, edge tiles, threads, level-2 loops) is portable
 * framework code that calls these through the active table.
 */
typedef struct cb_kernel_table {
    const char *name;
    /* Can this CPU run the set? */
    int (*supported)(void);

    double (*ddot)(int64_t n, const double *x, const double *y);
    void (*daxpy)(int64_t n, double alpha, const double *x, double *y);
    void (*dscal)(int64_t n, double alpha, double *x);
    double (*dasum)(int64_t n, const double *x);
    double (*dsum)(int64_t n, const double *x);
    /* max |x[i]|, NaN elements ignored; 0 when n == 0. */
    double (*damax)(int64_t n, const double *x);
    /* sum of ((x[i] * s1) * s2)^2: squares scaled by a power of two in two exact steps. */
    double (*dsumsq)(int64_t n, const double *x, double s1, double s2);

    /*
     * The gemm microkernel: an mr x nr tile of C gets A * B over kc steps, where
     * A is packed as kc columns of mr values (a[p * mr + i]) and B as kc rows of
     * nr values (b[p * nr + j]) (fastest when 64-byte aligned, not required); c has leading dimension
     * ldc. Each element's products are summed from zero in p order (one fused
     * multiply-add each where the set has them) in registers; then
     * overwrite == 0 adds the sum to C (c += sum) and overwrite != 0 stores
     * 0.0 + sum (what zeroing C first and adding would give), so an element
     * gets the same bits in any tile position.
     */
    void (*gemm_micro)(int64_t kc, const double *a, const double *b, double *c, int64_t ldc, int overwrite);
    /* The microkernel's tile of C. */
    int mr;
    int nr;
    /*
     * Cache blocking, BLIS's names: kc steps of the inner dimension per
     * microkernel call (an A micro-panel, mr x kc, stays in L1 while the
     * microkernel sweeps B micro-panels), mc rows of op(A) per packed block,
     * nc columns of op(B) per block (a kc x nc block of packed B stays in L2).
     * mc is a multiple of mr and nc of nr.
     */
    int mc;
    int kc;
    int nc;

    /* rounds of independent vector FMA chains; returns flops, stores a checksum in *sink. */
    int64_t (*peak_fma)(int64_t rounds, double *sink);
} cb_kernel_table;

extern const cb_kernel_table cb_kernels_generic;
#ifdef COREBOUND_KERNELS_AVX2
extern const cb_kernel_table cb_kernels_avx2;
#endif
#ifdef COREBOUND_KERNELS_AVX512
extern const cb_kernel_table cb_kernels_avx512;
#endif

/* The largest mr * nr of any set: the gemm framework's edge-tile buffer holds this many doubles. */
#define CB_MAX_TILE 256

/* The kernel set in use, chosen once when the library loads. */
const cb_kernel_table *cb_active(void);

/* Threads the calling thread asked for with cb_set_num_threads (1 without OpenMP). */
int cb_threads(void);

/* y[0:n] = beta * y, where beta == 0 writes zeros without reading y and beta == 1 does nothing. */
void cb_scale_output(int64_t n, double beta, double *y);

#endif
