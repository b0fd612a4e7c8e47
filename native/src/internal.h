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
     * The gemm microkernel: an mr x nr tile of C gets op(A) * B over kc steps.
     * Element (i, p) of A is a[i * rsa + p * csa] (packed micro-panels have
     * rsa = 1, csa = mr); row p of B is nr doubles at b + p * rsb (packed
     * micro-panels have rsb = nr; fastest when 64-byte aligned, not required),
     * each multiplied by alpha first unless alpha == 1 (packing applies alpha
     * the same way, so both give the same products). Each element's products
     * are summed from zero in p order (one fused multiply-add each where the
     * set has them) in registers; then overwrite == 0 adds the sum to C
     * (c += sum) and overwrite != 0 stores 0.0 + sum (what zeroing C first and
     * adding would give), so an element gets the same bits in any tile
     * position and whether its operands were packed or not.
     *
     * rows <= mr and cols <= nr give the part of the tile inside C. Sets with
     * partial_tiles compute partial tiles themselves, reading only rows
     * [0, rows) of A and columns [0, cols) of B and writing only that part of
     * C. Other sets get full tiles only: the framework computes a partial one
     * into an mr x nr buffer from zero-padded operands.
     */
    void (*gemm_micro)(int64_t kc, const double *a, int64_t rsa, int64_t csa, const double *b, int64_t rsb,
                       double alpha, double *c, int64_t ldc, int rows, int cols, int overwrite);
    int partial_tiles;
    /*
     * Packing into the microkernel's layout. pack_a: op(A)[i][p0 + p] for rows
     * [0, rows) from a (its first row), p < kc, as mr-row micro-panels
     * (element (i, p) at p * mr + i), zero rows past `rows`. pack_b: alpha *
     * op(B)[p0 + p][j] for p < kc and the nr-column micro-panels [jp0, jp1)
     * (columns jp * nr ...), zero past column n, one kc x nr micro-panel after
     * another from dst (micro-panel jp0). The products are the same whichever
     * way the microkernel gets its operands.
     */
    void (*pack_a)(int transa, const double *a, int64_t lda, int64_t rows, int64_t p0, int64_t kc, double *dst);
    void (*pack_b)(int transb, double alpha, const double *b, int64_t ldb, int64_t n, int64_t p0, int64_t kc,
                   int64_t jp0, int64_t jp1, double *dst);
    /* The microkernel's tile of C. */
    int mr;
    int nr;
    /*
     * Cache blocking (BLIS keeps the broadcast operand in L1 too): kc steps of the inner dimension per
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

/*
 * A packing buffer of `capacity` doubles (64-byte aligned) from the process-wide
 * pool: cb_take_scratch gives one of at least `doubles`, cb_return_scratch
 * puts it back (NULL does nothing). Thread-safe.
 */
typedef struct cb_scratch {
    double *data;
    int64_t capacity;
    struct cb_scratch *next;
} cb_scratch;
cb_scratch *cb_take_scratch(int64_t doubles);
void cb_return_scratch(cb_scratch *s);

/* y[0:n] = beta * y, where beta == 0 writes zeros without reading y and beta == 1 does nothing. */
void cb_scale_output(int64_t n, double beta, double *y);

#endif
