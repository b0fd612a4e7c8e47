/*
 * The kernels that differ per instruction set, written once in portable C
 * with GCC/Clang vector extensions. Each kernels_<set>.c defines
 *   KSET       the set's name, e.g. avx512
 *   VLEN       doubles per vector register
 *   MR, NR     the gemm microkernel's tile of C (NR a multiple of VLEN)
 *   MC, KC, NC the gemm cache blocking (see cb_kernel_table)
 *   SUPPORTED  an expression that is true when this CPU runs the set
 *   GEMM_MICRO (optional) the set's own gemm microkernel; without it the
 *              portable one below is used
 *   PARTIAL_TILES 1 when GEMM_MICRO computes partial tiles itself
 *   PACK_A_PANEL (optional) the set's own packing of one whole MR-row
 *              micro-panel of row-major A
 * and includes this file; that file's compiler flags (-mavx2, -mavx512f, ...)
 * choose the instructions. Reductions keep ACC independent vector
 * accumulators so that additions overlap instead of waiting on each other.
 */
#include "corebound.h"
#include "internal.h"

#include <string.h>

#define ACC 4
#ifndef NV
#define NV (NR / VLEN)
#endif
#define CONCAT2(a, b) a##_##b
#define CONCAT(a, b) CONCAT2(a, b)
#define NAME(f) CONCAT(f, KSET)
#define STR2(x) #x
#define STR(x) STR2(x)

typedef double vd __attribute__((vector_size(VLEN * sizeof(double))));
typedef int64_t vi __attribute__((vector_size(VLEN * sizeof(double))));

static inline vd load(const double *p) {
    vd v;
    memcpy(&v, p, sizeof v); /* unaligned load */
    return v;
}

static inline void store(double *p, vd v) {
    memcpy(p, &v, sizeof v);
}

/* x - 0 is x for every x (unlike x + 0 for -0), so this is a plain broadcast. */
static inline vd splat(double x) {
    return x - (vd){0};
}

static inline vd vabs(vd v) {
    return (vd) ((vi) v & ((vi){0} + INT64_MAX));
}

/* Lanes added in order, so the result depends on n only. */
static inline double hsum(vd v) {
    double s = 0;
    for (int i = 0; i < VLEN; i++) {
        s += v[i];
    }
    return s;
}

static inline double combine(const vd acc[ACC]) {
    return hsum((acc[0] + acc[1]) + (acc[2] + acc[3]));
}

static double NAME(ddot)(int64_t n, const double *x, const double *y) {
    vd acc[ACC] = {{0}};
    int64_t i = 0;
    for (; i + ACC * VLEN <= n; i += ACC * VLEN) {
        for (int a = 0; a < ACC; a++) {
            acc[a] += load(x + i + a * VLEN) * load(y + i + a * VLEN);
        }
    }
    for (; i + VLEN <= n; i += VLEN) {
        acc[0] += load(x + i) * load(y + i);
    }
    double s = combine(acc);
    for (; i < n; i++) {
        s += x[i] * y[i];
    }
    return s;
}

/*
 * Vectors longer than this (doubles; 512 KiB for x and y together) come from
 * memory, where fetching a few KiB ahead in software keeps more of it in
 * flight than the hardware prefetchers do alone.
 */
#define STREAMING 32768
#define AHEAD 1024

static inline void NAME(axpy_block)(int64_t i, vd va, const double *x, double *y) {
    for (int a = 0; a < ACC; a++) {
        store(y + i + a * VLEN, load(y + i + a * VLEN) + va * load(x + i + a * VLEN));
    }
}

static void NAME(daxpy)(int64_t n, double alpha, const double *x, double *y) {
    vd va = splat(alpha);
    int64_t i = 0;
    if (n > STREAMING) {
        for (; i + ACC * VLEN + AHEAD <= n; i += ACC * VLEN) {
            for (int line = 0; line < ACC * VLEN; line += 8) {
                __builtin_prefetch(x + i + AHEAD + line, 0, 3);
                __builtin_prefetch(y + i + AHEAD + line, 0, 3);
            }
            NAME(axpy_block)(i, va, x, y);
        }
    }
    for (; i + ACC * VLEN <= n; i += ACC * VLEN) {
        NAME(axpy_block)(i, va, x, y);
    }
    for (; i + VLEN <= n; i += VLEN) {
        store(y + i, load(y + i) + va * load(x + i));
    }
    for (; i < n; i++) {
        y[i] += alpha * x[i];
    }
}

static void NAME(dscal)(int64_t n, double alpha, double *x) {
    vd va = splat(alpha);
    int64_t i = 0;
    for (; i + VLEN <= n; i += VLEN) {
        store(x + i, va * load(x + i));
    }
    for (; i < n; i++) {
        x[i] *= alpha;
    }
}

static double NAME(dasum)(int64_t n, const double *x) {
    vd acc[ACC] = {{0}};
    int64_t i = 0;
    for (; i + ACC * VLEN <= n; i += ACC * VLEN) {
        for (int a = 0; a < ACC; a++) {
            acc[a] += vabs(load(x + i + a * VLEN));
        }
    }
    for (; i + VLEN <= n; i += VLEN) {
        acc[0] += vabs(load(x + i));
    }
    double s = combine(acc);
    for (; i < n; i++) {
        s += x[i] < 0 ? -x[i] : x[i];
    }
    return s;
}

static double NAME(dsum)(int64_t n, const double *x) {
    vd acc[ACC] = {{0}};
    int64_t i = 0;
    for (; i + ACC * VLEN <= n; i += ACC * VLEN) {
        for (int a = 0; a < ACC; a++) {
            acc[a] += load(x + i + a * VLEN);
        }
    }
    for (; i + VLEN <= n; i += VLEN) {
        acc[0] += load(x + i);
    }
    double s = combine(acc);
    for (; i < n; i++) {
        s += x[i];
    }
    return s;
}

/* Keeps m where a is not greater, so NaN (never greater) is skipped. */
static inline vd vmax(vd m, vd a) {
    vi greater = a > m;
    return (vd) (((vi) a & greater) | ((vi) m & ~greater));
}

static double NAME(damax)(int64_t n, const double *x) {
    vd m = (vd){0};
    int64_t i = 0;
    for (; i + VLEN <= n; i += VLEN) {
        m = vmax(m, vabs(load(x + i)));
    }
    double best = 0;
    for (int l = 0; l < VLEN; l++) {
        best = m[l] > best ? m[l] : best;
    }
    for (; i < n; i++) {
        double a = x[i] < 0 ? -x[i] : x[i];
        best = a > best ? a : best;
    }
    return best;
}

static double NAME(dsumsq)(int64_t n, const double *x, double s1, double s2) {
    vd acc[ACC] = {{0}};
    vd v1 = splat(s1);
    vd v2 = splat(s2);
    int64_t i = 0;
    for (; i + ACC * VLEN <= n; i += ACC * VLEN) {
        for (int a = 0; a < ACC; a++) {
            vd v = load(x + i + a * VLEN) * v1 * v2;
            acc[a] += v * v;
        }
    }
    for (; i + VLEN <= n; i += VLEN) {
        vd v = load(x + i) * v1 * v2;
        acc[0] += v * v;
    }
    double s = combine(acc);
    for (; i < n; i++) {
        double v = x[i] * s1 * s2;
        s += v * v;
    }
    return s;
}

#ifndef GEMM_MICRO
/* MR x NR accumulators stay in vector registers for the whole kc loop. */
static inline __attribute__((always_inline)) void NAME(gemm_tile)(int64_t kc, const double *restrict a, int64_t rsa,
                                                                   int64_t csa, const double *restrict b, int64_t rsb,
                                                                   int scaled, double alpha, double *restrict c,
                                                                   int64_t ldc, int overwrite) {
    vd acc[MR][NV];
    for (int i = 0; i < MR; i++) {
        for (int v = 0; v < NV; v++) {
            acc[i][v] = (vd){0};
        }
    }
    vd va = splat(alpha);
    for (int64_t p = 0; p < kc; p++) {
        vd bv[NV];
        for (int v = 0; v < NV; v++) {
            bv[v] = load(b + p * rsb + v * VLEN);
            if (scaled) {
                bv[v] = va * bv[v];
            }
        }
        for (int i = 0; i < MR; i++) {
            vd ai = splat(a[i * rsa + p * csa]);
            for (int v = 0; v < NV; v++) {
                acc[i][v] += ai * bv[v];
            }
        }
    }
    for (int i = 0; i < MR; i++) {
        for (int v = 0; v < NV; v++) {
            double *ci = c + i * ldc + v * VLEN;
            store(ci, (overwrite ? (vd){0} : load(ci)) + acc[i][v]);
        }
    }
}

/* Packed operands get their own copy of the loop, with constant strides. */
static void NAME(gemm_micro)(int64_t kc, const double *a, int64_t rsa, int64_t csa, const double *b, int64_t rsb,
                             double alpha, double *c, int64_t ldc, int rows, int cols, int overwrite) {
    (void) rows; /* full tiles only: the framework sends partial ones through its edge buffer */
    (void) cols;
    if (rsa == 1 && csa == MR && rsb == NR && alpha == 1.0) {
        NAME(gemm_tile)(kc, a, 1, MR, b, NR, 0, 1.0, c, ldc, overwrite);
    } else if (alpha == 1.0) {
        NAME(gemm_tile)(kc, a, rsa, csa, b, rsb, 0, 1.0, c, ldc, overwrite);
    } else {
        NAME(gemm_tile)(kc, a, rsa, csa, b, rsb, 1, alpha, c, ldc, overwrite);
    }
}
#define GEMM_MICRO NAME(gemm_micro)
#define PARTIAL_TILES 0
#endif

/*
 * Packing (BLIS's packm), compiled with each set so that the copies use its
 * vectors and its MR and NR are constants.
 */

#ifndef PACK_A_PANEL
/* One whole MR-row micro-panel of row-major A: each step p stores the column (a[i * lda + p]) as one row of MR. */
static void NAME(pack_a_panel)(int64_t kc, const double *a, int64_t lda, double *dst) {
    for (int64_t p = 0; p < kc; p++) {
        for (int i = 0; i < MR; i++) {
            dst[p * MR + i] = a[i * lda + p];
        }
    }
}
#define PACK_A_PANEL NAME(pack_a_panel)
#endif

/* op(A)[i][p0 + p] for rows [0, rows) from a (its first row), p < kc, as MR-row micro-panels zero-padded to MR. */
static void NAME(pack_a)(int transa, const double *a, int64_t lda, int64_t rows, int64_t p0, int64_t kc,
                         double *dst) {
    for (int64_t ir = 0; ir < rows; ir += MR, dst += kc * MR) {
        int64_t inside = rows - ir < MR ? rows - ir : MR;
        if (transa == CB_TRANS) {
            for (int64_t p = 0; p < kc; p++) {
                const double *src = a + (p0 + p) * lda + ir;
                for (int64_t i = 0; i < MR; i++) {
                    dst[p * MR + i] = i < inside ? src[i] : 0.0;
                }
            }
        } else if (inside == MR) {
            PACK_A_PANEL(kc, a + ir * lda + p0, lda, dst);
        } else {
            for (int64_t p = 0; p < kc; p++) {
                for (int64_t i = 0; i < MR; i++) {
                    dst[p * MR + i] = i < inside ? a[(ir + i) * lda + p0 + p] : 0.0;
                }
            }
        }
    }
}

/*
 * alpha * op(B)[p0 + p][j] for p < kc and the NR-column micro-panels
 * [jp0, jp1) (columns jp * NR ...), zero past column n, into dst (micro-panel
 * jp0), one kc x NR micro-panel after another. Each loop reads its source in
 * storage order (B's rows for CB_NO_TRANS, its columns' rows for CB_TRANS),
 * so the reads stream instead of striding a row length apart.
 */
static void NAME(pack_b)(int transb, double alpha, const double *b, int64_t ldb, int64_t n, int64_t p0, int64_t kc,
                         int64_t jp0, int64_t jp1, double *dst) {
    int64_t panel = kc * NR;
    if (transb == CB_TRANS) {
        /* A few rows of the micro-panel at a time, so the lines being filled stay in L1. */
        enum { ROWS = 16 };
        for (int64_t jp = jp0; jp < jp1; jp++) {
            double *out = dst + (jp - jp0) * panel;
            for (int64_t q = 0; q < kc; q += ROWS) {
                int64_t q1 = q + ROWS < kc ? q + ROWS : kc;
                for (int64_t j = 0; j < NR; j++) {
                    int64_t col = jp * NR + j;
                    const double *src = b + col * ldb + p0;
                    for (int64_t p = q; p < q1; p++) {
                        out[p * NR + j] = col < n ? alpha * src[p] : 0.0;
                    }
                }
            }
        }
        return;
    }
    for (int64_t p = 0; p < kc; p++) {
        const double *src = b + (p0 + p) * ldb;
        for (int64_t jp = jp0; jp < jp1; jp++) {
            double *row = dst + (jp - jp0) * panel + p * NR;
            int64_t j0 = jp * NR;
            if (j0 + NR <= n) {
                for (int j = 0; j < NR; j++) {
                    row[j] = alpha * src[j0 + j];
                }
            } else {
                for (int64_t j = 0; j < NR; j++) {
                    row[j] = j0 + j < n ? alpha * src[j0 + j] : 0.0;
                }
            }
        }
    }
}

_Static_assert(MR * NR <= CB_MAX_TILE, "the gemm edge buffer (CB_MAX_TILE) must hold this set's tile");
_Static_assert(MC % MR == 0 && NC % NR == 0, "gemm blocks are whole tiles");

/*
 * Enough independent chains to keep every FMA unit busy despite each FMA's
 * latency (two units of four cycles need eight; twelve leaves room).
 */
#define CHAINS 12

/*
 * The chains start from a value read at run time: 1.0 is a fixed point of
 * x * mul + add, and with it as a constant GCC worked that chain out at
 * compile time and dropped its FMA from the loop while it was still counted
 * (11 FMAs run, 12 counted: the peak read 9% high).
 */
static volatile double NAME(chain_start) = 1.0;

static int64_t NAME(peak_fma)(int64_t rounds, double *sink) {
    vd acc[CHAINS];
    double start = NAME(chain_start);
    for (int j = 0; j < CHAINS; j++) {
        acc[j] = splat(start + j * 1e-3);
    }
    vd mul = splat(1.0 - 1e-12);
    vd add = splat(1e-12);
    for (int64_t r = 0; r < rounds; r++) {
        for (int j = 0; j < CHAINS; j++) {
            acc[j] = acc[j] * mul + add;
        }
    }
    vd total = (vd){0};
    for (int j = 0; j < CHAINS; j++) {
        total += acc[j];
    }
    *sink = hsum(total);
    return rounds * CHAINS * VLEN * 2;
}

static int NAME(supported)(void) {
    return SUPPORTED;
}

const cb_kernel_table NAME(cb_kernels) = {
    .name = STR(KSET),
    .supported = NAME(supported),
    .ddot = NAME(ddot),
    .daxpy = NAME(daxpy),
    .dscal = NAME(dscal),
    .dasum = NAME(dasum),
    .dsum = NAME(dsum),
    .damax = NAME(damax),
    .dsumsq = NAME(dsumsq),
    .gemm_micro = GEMM_MICRO,
    .pack_a = NAME(pack_a),
    .pack_b = NAME(pack_b),
    .partial_tiles = PARTIAL_TILES,
    .mr = MR,
    .nr = NR,
    .mc = MC,
    .kc = KC,
    .nc = NC,
    .peak_fma = NAME(peak_fma),
};
