/*
 * corebound: BLAS-like kernels and CPU-bound workloads for doubles.
 *
 * Conventions
 * - Matrices are row-major. A matrix with `rows` rows and leading dimension
 *   `ld` stores element (i, j) at a[i * ld + j]; ld >= number of columns.
 * - Vectors are contiguous (stride 1).
 * - Sizes are int64_t. A size of 0 is valid and does nothing (reductions
 *   return 0, cb_idamax returns -1). Negative sizes, null pointers for
 *   non-empty inputs and leading dimensions smaller than the row width are
 *   the caller's error: the functions do not check them. The Java library
 *   validates every argument before it calls into this library.
 * - Outputs must not overlap inputs, except that cb_daxpy accepts x == y.
 * - Semantics follow reference BLAS: beta == 0 overwrites the output without
 *   reading it (NaN in it does not propagate), alpha == 0 skips the product.
 *
 * Kernels are chosen once, when the library loads, from the instruction sets
 * the CPU supports (see cb_kernel_set); the environment variable
 * COREBOUND_KERNELS names a kernel set to use instead. Results of different
 * kernel sets agree within rounding, not bit for bit.
 *
 * Threads: every call runs on the calling thread alone unless that thread
 * asked for more with cb_set_num_threads (OpenMP builds only).
 */
#ifndef COREBOUND_H
#define COREBOUND_H

#include <stdint.h>

#if defined(_WIN32)
#  define CB_API __declspec(dllexport)
#else
#  define CB_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Operand transposition for cb_dgemv and cb_dgemm. */
#define CB_NO_TRANS 0
#define CB_TRANS 1

/* Library version, "major.minor.patch". */
CB_API const char *cb_version(void);

/* Name of the kernel set in use: "generic", "avx2" or "avx512". */
CB_API const char *cb_kernel_set(void);

/*
 * Switches to the named kernel set. Returns 0 on success, -1 when the name
 * is unknown, -2 when this CPU or build cannot run it. Not thread-safe with
 * respect to calls running at the same time; meant for tests and benchmarks.
 */
CB_API int cb_select_kernel_set(const char *name);

/*
 * Threads that calls made from the calling thread may use for gemv, gemm and
 * the workloads (a per-thread setting, default 1). Values below 1 mean 1;
 * builds without OpenMP always use 1. Returns the value now in effect.
 */
CB_API int cb_set_num_threads(int n);
CB_API int cb_get_num_threads(void);

/* Level 1. */

/* Returns sum of x[i] * y[i]. */
CB_API double cb_ddot(int64_t n, const double *x, const double *y);

/* y[i] += alpha * x[i]. */
CB_API void cb_daxpy(int64_t n, double alpha, const double *x, double *y);

/* x[i] = alpha * x[i] (alpha == 0 multiplies too, so NaN stays NaN, as in reference BLAS). */
CB_API void cb_dscal(int64_t n, double alpha, double *x);

/* Returns sum of |x[i]|. */
CB_API double cb_dasum(int64_t n, const double *x);

/* Returns sqrt(sum of x[i]^2) without overflow or underflow in between. */
CB_API double cb_dnrm2(int64_t n, const double *x);

/* Returns the 0-based index of the first element of largest |x[i]|, -1 when n == 0. */
CB_API int64_t cb_idamax(int64_t n, const double *x);

/* Returns sum of x[i]. */
CB_API double cb_dsum(int64_t n, const double *x);

/* Level 2: y = alpha * op(A) * x + beta * y, where A is m x n with leading
 * dimension lda and op(A) is A (trans == CB_NO_TRANS, x has n elements and
 * y has m) or A^T (trans == CB_TRANS, x has m elements and y has n). */
CB_API void cb_dgemv(int trans, int64_t m, int64_t n, double alpha,
                     const double *a, int64_t lda, const double *x,
                     double beta, double *y);

/* Level 3: C = alpha * op(A) * op(B) + beta * C, where C is m x n, op(A) is
 * m x k and op(B) is k x n. A is stored m x k (transa == CB_NO_TRANS) or
 * k x m (CB_TRANS); B is stored k x n or n x k likewise.
 * Summation order: k is cut into slices of a length fixed per kernel set;
 * each element of C gets each slice's products alpha * op(B)[p][j] (rounded)
 * times op(A)[i][p], summed from zero in p order, added to beta * C (0 for
 * beta == 0) slice after slice. That order depends only on (m, n, k) and the
 * kernel set, so the result is the same bit for bit on any number of threads,
 * and the same as the two-phase API below gives. */
CB_API void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k,
                     double alpha, const double *a, int64_t lda,
                     const double *b, int64_t ldb,
                     double beta, double *c, int64_t ldc);

/*
 * Two-phase gemm, for callers that split one C = alpha * op(A) * op(B) +
 * beta * C among workers (threads, or processes mapping the same shared
 * memory): alpha * op(B) is packed once into a buffer every worker reads,
 * then each worker computes its rectangles of C from it. Disjoint column
 * ranges may be packed at the same time by different workers into the same
 * buffer. Any split of C into rectangles gives exactly the bits cb_dgemm
 * gives with the same arguments (and kernel set).
 *
 * The packed layout depends only on (k, n) and the kernel set in use (it
 * must not change between the calls): k is cut into slices of the set's kc
 * rows, each slice stores op(B)'s columns in micro-panels of
 * cb_dgemm_column_step() columns, zero-padded past n.
 */

/* Doubles the packed op(B) (k x n) takes: k * (n rounded up to the column step); 0 when k or n <= 0. */
CB_API int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n);

/*
 * The column granule of the packed layout (the microkernel's tile width):
 * the column ranges [j0, j1) given to cb_dgemm_pack_b and cb_dgemm_packed
 * start at a multiple of it and end at a multiple of it or at n.
 */
CB_API int64_t cb_dgemm_column_step(void);

/*
 * Packs alpha * op(B)[0:k, j0:j1] into its place in `packed` (a buffer of
 * cb_dgemm_packed_b_size(k, n) doubles; 64-byte alignment is fastest, not
 * required). op(B) is k x n: B is stored k x n (transb ==
 * CB_NO_TRANS) or n x k (CB_TRANS) with leading dimension ldb. Writes only
 * the part of `packed` that belongs to columns [j0, j1).
 */
CB_API void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb,
                            int64_t j0, int64_t j1, double *packed);

/*
 * C[0:m, j0:j1] = op(A)[0:m, 0:k] * packed[:, j0:j1] + beta * C[0:m, j0:j1],
 * on the calling thread, where `packed` holds alpha * op(B) (k x n) from
 * cb_dgemm_pack_b and columns [j0, j1) have been packed. beta follows
 * cb_dgemm: 0 writes C without reading it, 1 adds to it. op(A) is a block of
 * m rows: for transa == CB_NO_TRANS, a points at its first row (stored
 * row-major, m x k, leading dimension lda); for CB_TRANS, A is stored
 * k x (its full width) and a points at the block's first column. c points at
 * row 0, column 0 of the block's rows of C (the columns are indexed j0..j1
 * from there).
 */
CB_API void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda,
                            const double *packed, int64_t n, int64_t j0, int64_t j1, double beta,
                            double *c, int64_t ldc);

/* CPU-bound workloads: pure arithmetic, no memory traffic. */

/*
 * Monte Carlo estimate of pi: returns how many of the samples with index in
 * [first, first + count) fall inside the unit quarter circle. Sample i uses
 * the counter-based generator u(j) = mix64(seed + (j + 1) * 0x9E3779B97F4A7C15)
 * (SplitMix64's finaliser) at j = 2i and j = 2i + 1, x = (u >> 11) * 2^-53,
 * and counts when x^2 + y^2 <= 1. A sample depends only on (seed, i), so any
 * split of the index range into slices gives the same total.
 */
CB_API int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count);

/*
 * Mandelbrot iteration counts over a width x height grid covering
 * [x_min, x_max) x [y_min, y_max): point (row, col) is
 * c = (x_min + col * dx, y_min + row * dy) with dx = (x_max - x_min) / width
 * and dy = (y_max - y_min) / height. Returns the sum, over rows
 * [row_begin, row_end), of the iteration counts of each point:
 *
 *     zr = zi = 0; it = 0;
 *     while (it < max_iter) {
 *         zr2 = zr * zr; zi2 = zi * zi;
 *         if (zr2 + zi2 > 4.0) break;
 *         zi = 2.0 * zr * zi + ci;
 *         zr = zr2 - zi2 + cr;
 *         it++;
 *     }
 *
 * Arithmetic is plain IEEE double without fused multiply-add, so the Java
 * version computes the same counts.
 */
CB_API int64_t cb_mandelbrot(int64_t width, int64_t height,
                             int64_t row_begin, int64_t row_end,
                             int32_t max_iter,
                             double x_min, double x_max,
                             double y_min, double y_max);

/* Measurement kernels, for the peak rates benchmarks are compared with. */

/*
 * Runs `rounds` rounds of independent fused multiply-adds (2 flops each) on
 * the widest vectors of the kernel set in use, on the calling thread, and
 * returns how many floating-point operations that was. A value computed from
 * every result is stored in *sink, so the work cannot be optimised away.
 */
CB_API int64_t cb_peak_fma(int64_t rounds, double *sink);

/* The STREAM triad a[i] = b[i] + s * c[i]: 24 bytes of memory traffic per element. */
CB_API void cb_triad(int64_t n, double *a, const double *b, const double *c, double s);

/* Testing hook: crashes the calling process with a segmentation fault.
 * Only corebound's tests of worker-process crash handling call it. */
CB_API void cb_debug_segfault(void);

#ifdef __cplusplus
}
#endif

#endif /* COREBOUND_H */
