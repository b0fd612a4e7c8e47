/*
 * dgemm, BLIS style: portable loops and packing around the kernel set's
 * microkernel, with the set's block sizes (cb_kernel_table's mr, nr, mc, kc, nc).
 *
 *   for each panel of op(B) columns (packed once, alpha applied, shared by all threads)
 *     for each kc-deep slice of the inner dimension
 *       threads pack the slice's B micro-panels together, then each computes its rectangle of C:
 *       for each mc-tall block of its rows       (op(A) block packed by the thread)
 *         for each nc-wide block of its columns  (kc x nc of packed B stays in L2)
 *           for each mr-row micro-panel of A     (mr x kc stays in L1)
 *             for each nr-column micro-panel of B: microkernel
 *
 * Packing copies op(A) and op(B) into contiguous micro-panels, zero-padded to
 * whole tiles, so the microkernel has one shape whatever the transposes,
 * leading dimensions and edges; the kernel set packs (kt->pack_a, pack_b), so
 * the copies use its vectors. Summation order: for each kc slice (slices
 * start at multiples of the set's kc), each element of C gets the slice's
 * products summed from zero in k order, then added to C. That depends only on
 * (m, n, k, kernel set), never on the thread count, on how C is split into
 * rectangles, or on whether a tile sits at an edge, so every split gives the
 * same bits; the two-phase API below computes the same way.
 *
 * Threads: each (panel, slice) step, every thread packs an equal share of the
 * slice's B micro-panels into the shared panel, then computes its rectangle
 * of a grid of row ways x column ways (as square as the thread count allows,
 * so each streams little A and B per flop) and packs its own rows of A. Two
 * barriers per slice; no thread packs more than its share of B.
 *
 * Small problems on one thread (op(A) and op(B) within 1.5 MiB, B not
 * transposed) are not packed at all: gemm_unpacked reads both in place.
 */
#include "corebound.h"
#include "internal.h"

#include <string.h>
#ifdef COREBOUND_OPENMP
#include <omp.h>
#endif

/* Columns of B one shared panel of cb_dgemm holds, at most: kc x 4096 doubles is 12 MiB at kc = 384 (L3). */
#define PANEL_COLUMNS 4096

static int64_t round_up(int64_t v, int64_t multiple) {
    return (v + multiple - 1) / multiple * multiple;
}

static int64_t min64(int64_t a, int64_t b) {
    return a < b ? a : b;
}

/*
 * One tile through a buffer, for tiles that stick out of C: the same
 * microkernel on the same operands, so the same bits as a tile inside C.
 */
static void edge_tile(const cb_kernel_table *kt, int64_t kc, const double *a, int64_t rsa, int64_t csa,
                      const double *b, int64_t rsb, double alpha, double *c, int64_t ldc, int64_t rows,
                      int64_t cols, int overwrite) {
    double edge[CB_MAX_TILE] __attribute__((aligned(64)));
    int nr = kt->nr;
    for (int64_t i = 0; i < rows && !overwrite; i++) {
        memcpy(edge + i * nr, c + i * ldc, sizeof(double) * (size_t) cols);
    }
    kt->gemm_micro(kc, a, rsa, csa, b, rsb, alpha, edge, nr, kt->mr, nr, overwrite);
    for (int64_t i = 0; i < rows; i++) {
        memcpy(c + i * ldc, edge + i * nr, sizeof(double) * (size_t) cols);
    }
}

/* One tile of C from operands in any layout the microkernel reads, through the buffer when it sticks out. */
static void tile(const cb_kernel_table *kt, int64_t kc, const double *a, int64_t rsa, int64_t csa, const double *b,
                 int64_t rsb, double alpha, double *c, int64_t ldc, int64_t rows, int64_t cols, int overwrite) {
    if ((rows == kt->mr && cols == kt->nr) || kt->partial_tiles) {
        kt->gemm_micro(kc, a, rsa, csa, b, rsb, alpha, c, ldc, (int) rows, (int) cols, overwrite);
    } else {
        edge_tile(kt, kc, a, rsa, csa, b, rsb, alpha, c, ldc, rows, cols, overwrite);
    }
}

/* C[0:rows, 0:cols] (+)= packed A block (rows x kc) * packed B micro-panels (kc x cols). */
static void macro_kernel(const cb_kernel_table *kt, int64_t rows, int64_t cols, int64_t kc, const double *ap,
                         const double *bp, double *c, int64_t ldc, int overwrite) {
    int mr = kt->mr;
    int nr = kt->nr;
    for (int64_t jc = 0; jc < cols; jc += kt->nc) {
        int64_t width = min64(kt->nc, cols - jc);
        for (int64_t ir = 0; ir < rows; ir += mr) {
            const double *a = ap + (ir / mr) * kc * mr;
            int64_t tile_rows = min64(mr, rows - ir);
            for (int64_t jr = jc; jr < jc + width; jr += nr) {
                const double *b = bp + (jr / nr) * kc * nr;
                tile(kt, kc, a, 1, mr, b, nr, 1.0, c + ir * ldc + jr, ldc, tile_rows, min64(nr, cols - jr),
                     overwrite);
            }
        }
    }
}

/*
 * C[0:rows, 0:cols] (+)= op(A)[0:rows, p0:p0+kc] * B, where a and c point at
 * the rectangle's first row and bp at its first packed micro-panel; A's
 * blocks are packed into ap (mc x kc doubles).
 */
static void compute_rectangle(const cb_kernel_table *kt, int transa, const double *a, int64_t lda, int64_t rows,
                              int64_t p0, int64_t kc, const double *bp, int64_t cols, double *c, int64_t ldc,
                              int overwrite, double *ap) {
    for (int64_t ic = 0; ic < rows; ic += kt->mc) {
        int64_t block = min64(kt->mc, rows - ic);
        const double *a_block = transa == CB_TRANS ? a + ic : a + ic * lda;
        kt->pack_a(transa, a_block, lda, block, p0, kc, ap);
        macro_kernel(kt, block, cols, kc, ap, bp, c + ic * ldc, ldc, overwrite);
    }
}

/* One thread's share of C: tiles [first, last) of `count`, split as evenly as whole tiles allow. */
static void share(int64_t count, int ways, int index, int64_t *first, int64_t *last) {
    *first = count * index / ways;
    *last = count * (index + 1) / ways;
}

/*
 * Splits `threads` into a grid of row ways x column ways whose rectangles are
 * closest to square (each thread then streams the least A and B per flop),
 * preferring row ways on ties: a row split packs each row of A once, a column
 * split packs it once per column way.
 */
static void thread_grid(int threads, int64_t row_tiles, int64_t col_tiles, int64_t mr, int64_t nr, int *row_ways,
                        int *col_ways) {
    double best = -1;
    *row_ways = 1;
    *col_ways = 1;
    for (int rw = threads; rw >= 1; rw--) {
        if (threads % rw != 0 || rw > row_tiles || threads / rw > col_tiles) {
            continue;
        }
        int cw = threads / rw;
        double height = (double) ((row_tiles + rw - 1) / rw * mr);
        double width = (double) ((col_tiles + cw - 1) / cw * nr);
        double edge_sum = height + width; /* A and B read per flop grow with 1/width + 1/height */
        double cost = edge_sum / (height * width);
        if (best < 0 || cost < best) {
            best = cost;
            *row_ways = rw;
            *col_ways = cw;
        }
    }
}

/* Everything one cb_dgemm call's threads share. */
typedef struct gemm_call {
    const cb_kernel_table *kt;
    int transa, transb;
    int64_t m, n, k;
    double alpha;
    const double *a, *b;
    int64_t lda, ldb;
    double *c;
    int64_t ldc;
    int overwrite; /* beta == 0: the first kc slice stores instead of adding */
    double *panel; /* kc x panel_cols of packed B, shared */
    int64_t panel_cols;
} gemm_call;

/* Thread `id` of `threads`: its part of the packing and of C, slice by slice, in step with the others. */
static void gemm_thread(const gemm_call *g, int id, int threads) {
    const cb_kernel_table *kt = g->kt;
    int mr = kt->mr, nr = kt->nr;
    int64_t row_tiles = (g->m + mr - 1) / mr;
    cb_scratch *ap = cb_take_scratch((int64_t) kt->mc * kt->kc);
    for (int64_t j0 = 0; j0 < g->n; j0 += g->panel_cols) {
        int64_t cols = min64(g->panel_cols, g->n - j0);
        int64_t col_tiles = (cols + nr - 1) / nr;
        int row_ways, col_ways;
        thread_grid(threads, row_tiles, col_tiles, mr, nr, &row_ways, &col_ways);
        int64_t r0, r1, q0, q1, pack0, pack1;
        share(row_tiles, row_ways, id / col_ways, &r0, &r1);
        share(col_tiles, col_ways, id % col_ways, &q0, &q1);
        share(col_tiles, threads, id, &pack0, &pack1);
        for (int64_t p0 = 0; p0 < g->k; p0 += kt->kc) {
            int64_t kc = min64(kt->kc, g->k - p0);
            kt->pack_b(g->transb, g->alpha, g->b, g->ldb, g->n, p0, kc, j0 / nr + pack0, j0 / nr + pack1,
                       g->panel + pack0 * kc * nr);
#ifdef COREBOUND_OPENMP
#pragma omp barrier
#endif
            if (id < row_ways * col_ways && r0 < r1 && q0 < q1) {
                int64_t row = r0 * mr, col = j0 + q0 * nr;
                const double *a = g->transa == CB_TRANS ? g->a + row : g->a + row * g->lda;
                compute_rectangle(kt, g->transa, a, g->lda, min64(r1 * mr, g->m) - row, p0, kc,
                                  g->panel + q0 * kc * nr, min64(j0 + q1 * nr, g->n) - col,
                                  g->c + row * g->ldc + col, g->ldc, g->overwrite && p0 == 0, ap->data);
            }
#ifdef COREBOUND_OPENMP
#pragma omp barrier /* the next slice's packing overwrites the panel */
#endif
        }
    }
    cb_return_scratch(ap);
}

/*
 * Threads worth using: at most one per tile of C and one per 8 Mflop (under
 * that, packing and the barriers cost more than a thread saves).
 */
static int useful_threads(int asked, int64_t m, int64_t n, int64_t k, const cb_kernel_table *kt) {
    double tiles = (double) ((m + kt->mr - 1) / kt->mr) * (double) ((n + kt->nr - 1) / kt->nr);
    double work = 2.0 * (double) m * (double) n * (double) k / 8e6;
    double cap = tiles < work ? tiles : work;
    return cap < 1 ? 1 : (asked < cap ? asked : (int) cap);
}

/*
 * Up to this many doubles of op(A) and op(B) together (1.5 MiB, caches up to
 * L2 plus some of L3), a call on one thread reads them where they are instead
 * of packing them: copying would cost more than the strided reads. Measured
 * on Zen 5 (1 MiB L2): in place is faster up to n = 320 or so, slower from 384.
 */
#define UNPACKED_OPERANDS (192 * 1024)

/*
 * Small problems on the calling thread: tiles read A (through its strides)
 * and B (row by row, alpha applied as packing applies it) in place. For sets
 * without partial tiles, the last partial row of tiles and column of tiles
 * get zero-padded micro-panels instead. The same microkernel over the same kc
 * slices as the packed path, so the same bits. op(B) must be B itself
 * (transb == CB_NO_TRANS).
 */
static void gemm_unpacked(const gemm_call *g) {
    const cb_kernel_table *kt = g->kt;
    int mr = kt->mr, nr = kt->nr;
    int64_t rsa = g->transa == CB_TRANS ? 1 : g->lda, csa = g->transa == CB_TRANS ? g->lda : 1;
    int64_t in_place_rows = kt->partial_tiles ? g->m : g->m / mr * mr;
    int64_t in_place_cols = kt->partial_tiles ? g->n : g->n / nr * nr;
    cb_scratch *a_scratch = in_place_rows < g->m ? cb_take_scratch((int64_t) mr * kt->kc) : NULL;
    cb_scratch *b_scratch = in_place_cols < g->n ? cb_take_scratch((int64_t) nr * kt->kc) : NULL;
    double *a_edge = a_scratch != NULL ? a_scratch->data : NULL;
    double *b_edge = b_scratch != NULL ? b_scratch->data : NULL;
    /*
     * Tiles read in place need not line up with packed micro-panels: a
     * remainder of at most a third of a tile borrows columns from the tile
     * before it, so that neither is narrower than two thirds of a tile.
     */
    int64_t remainder = in_place_cols % nr;
    int64_t last_full = remainder > 0 && remainder <= nr / 3 && in_place_cols > nr ? in_place_cols - remainder - nr
                                                                                    : in_place_cols;
    for (int64_t p0 = 0; p0 < g->k; p0 += kt->kc) {
        int64_t kc = min64(kt->kc, g->k - p0);
        int overwrite = g->overwrite && p0 == 0;
        if (a_edge != NULL) {
            kt->pack_a(g->transa, g->a + in_place_rows * rsa, g->lda, g->m - in_place_rows, p0, kc, a_edge);
        }
        if (b_edge != NULL) {
            kt->pack_b(CB_NO_TRANS, g->alpha, g->b, g->ldb, g->n, p0, kc, in_place_cols / nr, in_place_cols / nr + 1,
                       b_edge);
        }
        for (int64_t ir = 0; ir < g->m; ir += mr) {
            int in_place = ir < in_place_rows;
            const double *a = in_place ? g->a + ir * rsa + p0 * csa : a_edge;
            int64_t a_rs = in_place ? rsa : 1, a_cs = in_place ? csa : mr;
            int64_t rows = min64(mr, g->m - ir);
            for (int64_t jr = 0, width; jr < g->n; jr += width) {
                double *c = g->c + ir * g->ldc + jr;
                width = jr == last_full && in_place_cols - jr > nr ? (in_place_cols - jr + 1) / 2
                                                                   : min64(nr, g->n - jr);
                if (jr < in_place_cols) {
                    tile(kt, kc, a, a_rs, a_cs, g->b + p0 * g->ldb + jr, g->ldb, g->alpha, c, g->ldc, rows, width,
                         overwrite);
                } else {
                    tile(kt, kc, a, a_rs, a_cs, b_edge, nr, 1.0, c, g->ldc, rows, width, overwrite);
                }
            }
        }
    }
    cb_return_scratch(a_scratch);
    cb_return_scratch(b_scratch);
}

CB_API void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k,
                     double alpha, const double *a, int64_t lda,
                     const double *b, int64_t ldb,
                     double beta, double *c, int64_t ldc) {
    if (m <= 0 || n <= 0) {
        return;
    }
    if (alpha == 0.0 || k <= 0 || (beta != 0.0 && beta != 1.0)) {
        for (int64_t i = 0; i < m; i++) {
            cb_scale_output(n, beta, c + i * ldc);
        }
        if (alpha == 0.0 || k <= 0) {
            return;
        }
        beta = 1.0;
    }
    const cb_kernel_table *kt = cb_active();
    gemm_call g = {
        .kt = kt, .transa = transa, .transb = transb, .m = m, .n = n, .k = k, .alpha = alpha,
        .a = a, .b = b, .lda = lda, .ldb = ldb, .c = c, .ldc = ldc, .overwrite = beta == 0.0,
        .panel_cols = min64(round_up(n, kt->nr), round_up(PANEL_COLUMNS, kt->nr)),
    };
    int threads = useful_threads(cb_threads(), m, n, k, kt);
    if (threads == 1 && transb == CB_NO_TRANS && (m + n) * k <= UNPACKED_OPERANDS) {
        gemm_unpacked(&g);
        return;
    }
    cb_scratch *panel = cb_take_scratch(min64(k, kt->kc) * g.panel_cols);
    g.panel = panel->data;
    if (threads == 1) {
        gemm_thread(&g, 0, 1);
    } else {
#ifdef COREBOUND_OPENMP
#pragma omp parallel num_threads(threads)
        gemm_thread(&g, omp_get_thread_num(), omp_get_num_threads());
#endif
    }
    cb_return_scratch(panel);
}

/* Two-phase gemm: B packed once, in the layout described in corebound.h, then any rectangle of C from it. */

CB_API int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n) {
    return k <= 0 || n <= 0 ? 0 : k * round_up(n, cb_active()->nr);
}

CB_API int64_t cb_dgemm_column_step(void) {
    return cb_active()->nr;
}

CB_API void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb,
                            int64_t j0, int64_t j1, double *packed) {
    const cb_kernel_table *kt = cb_active();
    int nr = kt->nr;
    if (k <= 0 || j1 <= j0) {
        return;
    }
    int64_t padded = round_up(n, nr);
    for (int64_t p0 = 0; p0 < k; p0 += kt->kc) {
        int64_t kc = min64(kt->kc, k - p0);
        kt->pack_b(transb, alpha, b, ldb, n, p0, kc, j0 / nr, (j1 + nr - 1) / nr,
                   packed + p0 * padded + (j0 / nr) * kc * nr);
    }
}

CB_API void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda,
                            const double *packed, int64_t n, int64_t j0, int64_t j1, double beta, double *c,
                            int64_t ldc) {
    const cb_kernel_table *kt = cb_active();
    int nr = kt->nr;
    if (m <= 0 || j1 <= j0) {
        return;
    }
    if (k <= 0 || (beta != 0.0 && beta != 1.0)) {
        for (int64_t i = 0; i < m; i++) {
            cb_scale_output(j1 - j0, beta, c + i * ldc + j0);
        }
        beta = 1.0;
    }
    int64_t padded = round_up(n, nr);
    cb_scratch *ap = cb_take_scratch((int64_t) kt->mc * kt->kc);
    for (int64_t p0 = 0; p0 < k; p0 += kt->kc) {
        int64_t kc = min64(kt->kc, k - p0);
        compute_rectangle(kt, transa, a, lda, m, p0, kc, packed + p0 * padded + (j0 / nr) * kc * nr, j1 - j0,
                          c + j0, ldc, beta == 0.0 && p0 == 0, ap->data);
    }
    cb_return_scratch(ap);
}
