/* Level-2 BLAS: gemv as rows of dot products (no transpose) or of axpys (transpose). */
#include "corebound.h"
#include "internal.h"

void cb_scale_output(int64_t n, double beta, double *y) {
    if (beta == 0.0) {
        for (int64_t i = 0; i < n; i++) {
            y[i] = 0.0;
        }
    } else if (beta != 1.0) {
        cb_active()->dscal(n, beta, y);
    }
}

/* Columns of y per thread-owned block for the transposed case. */
#define TRANS_BLOCK 512

CB_API void cb_dgemv(int trans, int64_t m, int64_t n, double alpha,
                     const double *a, int64_t lda, const double *x,
                     double beta, double *y) {
    if (m <= 0 || n <= 0) {
        return; /* reference BLAS's quick return: y is not scaled either */
    }
    const cb_kernel_table *k = cb_active();
#ifdef COREBOUND_OPENMP
    int threads = cb_threads();
#endif
    if (trans == CB_NO_TRANS) {
        cb_scale_output(m, beta, y);
        if (alpha == 0.0) {
            return;
        }
#ifdef COREBOUND_OPENMP
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
#endif
        for (int64_t i = 0; i < m; i++) {
            y[i] += alpha * k->ddot(n, a + i * lda, x);
        }
    } else {
        cb_scale_output(n, beta, y);
        if (alpha == 0.0) {
            return;
        }
        /* Each block of y is owned by one thread and sums its rows in order. */
        int64_t blocks = (n + TRANS_BLOCK - 1) / TRANS_BLOCK;
#ifdef COREBOUND_OPENMP
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1)
#endif
        for (int64_t b = 0; b < blocks; b++) {
            int64_t j0 = b * TRANS_BLOCK;
            int64_t width = n - j0 < TRANS_BLOCK ? n - j0 : TRANS_BLOCK;
            for (int64_t i = 0; i < m; i++) {
                k->daxpy(width, alpha * x[i], a + i * lda + j0, y + j0);
            }
        }
    }
}
