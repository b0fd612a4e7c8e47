/*
 * dgemm, BLIS style: portable loops around the kernel set's microkernel.
 *
 *   for each NC-wide column panel of C          (op(B) panel packed once, alpha applied)
 *     for each KC-deep slice of the inner dimension
 *       for each MC-tall row block of C         (op(A) block packed; OpenMP splits these)
 *         for each MR x NR tile: microkernel
 *
 * Packing copies op(A) and op(B) into contiguous micro-panels, zero-padded to
 * whole tiles, so the microkernel has one shape whatever the transposes,
 * leading dimensions and edges. Every element of C sums its products in the
 * same order wherever it sits, so results do not depend on the thread count
 * or on how a caller splits C into row blocks.
 */
#include "corebound.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define KC 256  /* A micro-panel (MR x KC) and B micro-panel (KC x NR) stay in L1 */
#define MC_ROWS 192  /* an MC x KC block of A (384 KiB) stays in L2 */
#define NC 3072 /* a KC x NC panel of B (6 MiB) lives in L3 */

static size_t round_up(size_t v, size_t multiple) {
    return (v + multiple - 1) / multiple * multiple;
}

/* A 64-byte aligned per-thread buffer that only grows, so repeated calls do not fault pages in again. */
static double *scratch(double **buffer, size_t *capacity, size_t doubles) {
    if (*capacity < doubles) {
        free(*buffer);
        *buffer = aligned_alloc(64, round_up(doubles * sizeof(double), 64));
        *capacity = *buffer == NULL ? 0 : doubles;
    }
    return *buffer;
}

static _Thread_local double *a_buffer;
static _Thread_local size_t a_capacity;
static _Thread_local double *b_buffer;
static _Thread_local size_t b_capacity;

/* op(A)[i][p] for rows [i0, i0 + mc) and columns [p0, p0 + kc), as mr-row micro-panels. */
static void pack_a(int transa, const double *a, int64_t lda, int64_t i0, int64_t mc, int64_t p0, int64_t kc,
                   int mr, double *dst) {
    for (int64_t ir = 0; ir < mc; ir += mr) {
        for (int i = 0; i < mr; i++) {
            int64_t row = i0 + ir + i;
            int inside = ir + i < mc;
            for (int64_t p = 0; p < kc; p++) {
                double v = 0.0;
                if (inside) {
                    v = transa == CB_TRANS ? a[(p0 + p) * lda + row] : a[row * lda + p0 + p];
                }
                dst[p * mr + i] = v;
            }
        }
        dst += kc * mr;
    }
}

/* alpha * op(B)[p][j] for rows [p0, p0 + kc) and columns [j0, j0 + nc), as nr-column micro-panels. */
static void pack_b(int transb, double alpha, const double *b, int64_t ldb, int64_t p0, int64_t kc, int64_t j0,
                   int64_t nc, int nr, double *dst) {
    for (int64_t jr = 0; jr < nc; jr += nr) {
        for (int64_t p = 0; p < kc; p++) {
            for (int j = 0; j < nr; j++) {
                int64_t col = j0 + jr + j;
                double v = 0.0;
                if (jr + j < nc) {
                    v = alpha * (transb == CB_TRANS ? b[col * ldb + p0 + p] : b[(p0 + p) * ldb + col]);
                }
                dst[p * nr + j] = v;
            }
        }
        dst += kc * nr;
    }
}

/* C[i0:i0+mc, j0:j0+nc] += packed A block * packed B panel, tile by tile. */
static void macro_kernel(const cb_kernel_table *k, int64_t mc, int64_t nc, int64_t kc,
                         const double *ap, const double *bp, double *c, int64_t ldc) {
    int mr = k->mr;
    int nr = k->nr;
    double edge[32 * 32] __attribute__((aligned(64)));
    for (int64_t jr = 0; jr < nc; jr += nr) {
        const double *b = bp + (jr / nr) * kc * nr;
        for (int64_t ir = 0; ir < mc; ir += mr) {
            const double *a = ap + (ir / mr) * kc * mr;
            double *tile = c + ir * ldc + jr;
            if (ir + mr <= mc && jr + nr <= nc) {
                k->gemm_micro(kc, a, b, tile, ldc);
                continue;
            }
            /* An edge tile: compute the whole tile into zeros, then add the part inside C. */
            memset(edge, 0, sizeof(double) * mr * nr);
            k->gemm_micro(kc, a, b, edge, nr);
            int64_t rows = mc - ir < mr ? mc - ir : mr;
            int64_t cols = nc - jr < nr ? nc - jr : nr;
            for (int64_t i = 0; i < rows; i++) {
                for (int64_t j = 0; j < cols; j++) {
                    tile[i * ldc + j] += edge[i * nr + j];
                }
            }
        }
    }
}

CB_API void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k,
                     double alpha, const double *a, int64_t lda,
                     const double *b, int64_t ldb,
                     double beta, double *c, int64_t ldc) {
    if (m <= 0 || n <= 0) {
        return;
    }
    for (int64_t i = 0; i < m; i++) {
        cb_scale_output(n, beta, c + i * ldc);
    }
    if (alpha == 0.0 || k <= 0) {
        return;
    }
    const cb_kernel_table *kt = cb_active();
    int mr = kt->mr;
    int nr = kt->nr;
    int64_t mc_max = (int64_t) round_up(MC_ROWS, (size_t) mr);
    int64_t nc_max = (int64_t) round_up(NC, (size_t) nr);
    int64_t nc_cap = n < nc_max ? (int64_t) round_up((size_t) n, (size_t) nr) : nc_max;
    int64_t kc_cap = k < KC ? k : KC;
    double *bp = scratch(&b_buffer, &b_capacity, (size_t) (kc_cap * nc_cap));
    if (bp == NULL) {
        abort(); /* out of memory for a few MiB: nothing sensible to return through a void BLAS call */
    }
#ifdef COREBOUND_OPENMP
    int threads = cb_threads();
#endif
    for (int64_t j0 = 0; j0 < n; j0 += nc_max) {
        int64_t nc = n - j0 < nc_max ? n - j0 : nc_max;
        for (int64_t p0 = 0; p0 < k; p0 += KC) {
            int64_t kc = k - p0 < KC ? k - p0 : KC;
            pack_b(transb, alpha, b, ldb, p0, kc, j0, nc, nr, bp);
            int64_t blocks = (m + mc_max - 1) / mc_max;
#ifdef COREBOUND_OPENMP
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
#endif
            for (int64_t blk = 0; blk < blocks; blk++) {
                int64_t i0 = blk * mc_max;
                int64_t mc = m - i0 < mc_max ? m - i0 : mc_max;
                double *ap = scratch(&a_buffer, &a_capacity, (size_t) (round_up((size_t) mc_max, (size_t) mr) * KC));
                if (ap == NULL) {
                    abort();
                }
                pack_a(transa, a, lda, i0, mc, p0, kc, mr, ap);
                macro_kernel(kt, mc, nc, kc, ap, bp, c + i0 * ldc + j0, ldc);
            }
        }
    }
}
