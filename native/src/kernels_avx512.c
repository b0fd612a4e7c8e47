/*
 * Kernels for AVX-512: eight-double vectors. The gemm microkernel is written
 * with intrinsics so that every k step is exactly NV vector loads of B, MR
 * broadcasts of A and MR * NV fused multiply-adds.
 *
 * Block sizes, for a core like Zen 4/5 or Skylake-X (two 512-bit FMA pipes of
 * 4 cycles latency, 32-48 KiB L1D, 1-2 MiB L2):
 *   MR x NR = 8 x 24: 24 of the 32 zmm registers accumulate, 3 hold the row
 *     of B, 1 the broadcast; 24 independent chains cover the 2 x 4 = 8 FMAs
 *     in flight, and a step's 11 loads for 24 FMAs (12 cycles) leave the
 *     load ports slack. (Measured on Zen 5: 6 x 32 no better, 12 x 16 and
 *     14 x 16 slower, 4 x 48 spills.)
 *   KC = 384: an A micro-panel (8 x 384, 24 KiB) stays in L1 while B
 *     micro-panels stream past it; C is read and written once per 384 steps.
 *   NC = 168: a 384 x 168 block of packed B (504 KiB) stays in L2.
 *   MC = 192: the packed A block (576 KiB) is reused across every NC block of
 *     a thread's columns; 96 to 480 measured the same.
 */
#include <immintrin.h>

#define KSET avx512
#define VLEN 8
#define MR 8
#define NV 3
#define NR (NV * VLEN)
#define MC 192
#define KC 384
#define NC 168
/* B rows fetched ahead (8 steps, ~100 cycles): the next micro-panel starts arriving before it is needed. */
#define B_AHEAD 8
#define SUPPORTED (__builtin_cpu_init(), __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") \
                   && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") \
                   && __builtin_cpu_supports("fma"))

#include "internal.h"

#include <stdint.h>

/*
 * The tile loop. `nv` vectors of columns are computed (a constant in each
 * copy below). With `masked`, B's last vector is loaded and C's stored under
 * a mask of the columns before `cols`; with `clamped` (rows < MR), A is never
 * read past row `rows` (the rows below repeat the last one and are not
 * stored). So operands read in place need no padding. `prefetch` fetches C's
 * tile and B's coming rows ahead, for packed operands streaming from L2 and
 * C from memory; small problems read in place are in cache already.
 */
static inline __attribute__((always_inline)) void gemm_tile(int64_t kc, const double *restrict a, int64_t rsa,
                                                             int64_t csa, const double *restrict b, int64_t rsb,
                                                             int scaled, double alpha, double *restrict c,
                                                             int64_t ldc, int rows, int cols, int overwrite,
                                                             int nv, int masked, int clamped, int prefetch) {
    __m512d acc[MR][NV];
    __m512d va = _mm512_set1_pd(alpha);
    int tail = cols - (nv - 1) * VLEN;
    __mmask8 last = masked && tail < VLEN ? (__mmask8) ((1u << tail) - 1) : (__mmask8) 0xFF;
    int64_t row[MR];
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
        row[i] = (clamped && i >= rows ? rows - 1 : i) * rsa;
#pragma GCC unroll 4
        for (int v = 0; v < nv; v++) {
            acc[i][v] = _mm512_setzero_pd();
        }
        /* The tile's rows are read and written at the end: start fetching every line of them now. */
#pragma GCC unroll 4
        for (int v = 0; v < nv && prefetch; v++) {
            _mm_prefetch((const char *) (c + i * ldc + v * VLEN), _MM_HINT_T0);
        }
        if (prefetch) {
            _mm_prefetch((const char *) (c + i * ldc + nv * VLEN - 1), _MM_HINT_T0);
        }
    }
#pragma GCC unroll 4
    for (int64_t p = 0; p < kc; p++) {
        __m512d bv[NV];
#pragma GCC unroll 4
        for (int v = 0; v < nv; v++) {
            /* unaligned loads cost nothing extra when b is aligned */
            bv[v] = v == nv - 1 && masked ? _mm512_maskz_loadu_pd(last, b + v * VLEN) : _mm512_loadu_pd(b + v * VLEN);
            if (scaled) {
                bv[v] = _mm512_mul_pd(va, bv[v]);
            }
            if (prefetch) {
                _mm_prefetch((const char *) (b + B_AHEAD * rsb + v * VLEN), _MM_HINT_T0);
            }
        }
#pragma GCC unroll 16
        for (int i = 0; i < MR; i++) {
            __m512d ai = _mm512_set1_pd(a[row[i]]);
#pragma GCC unroll 4
            for (int v = 0; v < nv; v++) {
                acc[i][v] = _mm512_fmadd_pd(ai, bv[v], acc[i][v]);
            }
        }
        a += csa;
        b += rsb;
    }
    __m512d zero = _mm512_setzero_pd();
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
        if (clamped && i >= rows) {
            break;
        }
#pragma GCC unroll 4
        for (int v = 0; v < nv; v++) {
            double *ci = c + i * ldc + v * VLEN;
            if (v == nv - 1 && masked) {
                __m512d base = overwrite ? zero : _mm512_maskz_loadu_pd(last, ci);
                _mm512_mask_storeu_pd(ci, last, _mm512_add_pd(base, acc[i][v]));
            } else {
                __m512d base = overwrite ? zero : _mm512_loadu_pd(ci);
                _mm512_storeu_pd(ci, _mm512_add_pd(base, acc[i][v]));
            }
        }
    }
}

/* A partial tile `nv` vectors wide: a copy of the loop for each combination of the flags that cost time in it. */
static inline __attribute__((always_inline)) void partial_tile(int64_t kc, const double *a, int64_t rsa, int64_t csa,
                                                                const double *b, int64_t rsb, double alpha, double *c,
                                                                int64_t ldc, int rows, int cols, int overwrite, int nv) {
    int masked = cols % VLEN != 0;
    if (rows == MR) {
        if (alpha == 1.0) {
            gemm_tile(kc, a, rsa, csa, b, rsb, 0, 1.0, c, ldc, rows, cols, overwrite, nv, masked, 0, 0);
        } else {
            gemm_tile(kc, a, rsa, csa, b, rsb, 1, alpha, c, ldc, rows, cols, overwrite, nv, masked, 0, 0);
        }
    } else if (alpha == 1.0) {
        gemm_tile(kc, a, rsa, csa, b, rsb, 0, 1.0, c, ldc, rows, cols, overwrite, nv, masked, 1, 0);
    } else {
        gemm_tile(kc, a, rsa, csa, b, rsb, 1, alpha, c, ldc, rows, cols, overwrite, nv, masked, 1, 0);
    }
}

/* A copy of the loop per case, so that the common one (packed, full tile) has constant strides and no masks. */
static void gemm_micro_avx512(int64_t kc, const double *a, int64_t rsa, int64_t csa, const double *b, int64_t rsb,
                              double alpha, double *c, int64_t ldc, int rows, int cols, int overwrite) {
    if (rows == MR && cols == NR) {
        if (rsa == 1 && csa == MR && rsb == NR && alpha == 1.0) {
            gemm_tile(kc, a, 1, MR, b, NR, 0, 1.0, c, ldc, MR, NR, overwrite, NV, 0, 0, 1);
        } else if (alpha == 1.0) {
            gemm_tile(kc, a, rsa, csa, b, rsb, 0, 1.0, c, ldc, MR, NR, overwrite, NV, 0, 0, 0);
        } else {
            gemm_tile(kc, a, rsa, csa, b, rsb, 1, alpha, c, ldc, MR, NR, overwrite, NV, 0, 0, 0);
        }
    } else if (cols <= VLEN) {
        partial_tile(kc, a, rsa, csa, b, rsb, alpha, c, ldc, rows, cols, overwrite, 1);
    } else if (cols <= 2 * VLEN) {
        partial_tile(kc, a, rsa, csa, b, rsb, alpha, c, ldc, rows, cols, overwrite, 2);
    } else {
        partial_tile(kc, a, rsa, csa, b, rsb, alpha, c, ldc, rows, cols, overwrite, 3);
    }
}

/*
 * One whole 8-row micro-panel of row-major A, 8 steps at a time: 8 row
 * segments loaded as vectors and transposed in registers into 8 columns
 * (3 rounds of 8 shuffles), so every load and store is a full vector instead
 * of one scalar store per element.
 */
static void pack_a_panel_avx512(int64_t kc, const double *a, int64_t lda, double *dst) {
    int64_t p = 0;
    for (; p + VLEN <= kc; p += VLEN) {
        __m512d r[MR], s[MR], t[MR];
#pragma GCC unroll 8
        for (int i = 0; i < MR; i++) {
            r[i] = _mm512_loadu_pd(a + i * lda + p);
        }
        /* t[2h] pairs columns 0, 2, 4, 6 of rows 2h and 2h + 1; t[2h + 1] columns 1, 3, 5, 7 */
#pragma GCC unroll 4
        for (int h = 0; h < MR / 2; h++) {
            t[2 * h] = _mm512_unpacklo_pd(r[2 * h], r[2 * h + 1]);
            t[2 * h + 1] = _mm512_unpackhi_pd(r[2 * h], r[2 * h + 1]);
        }
        /* s: four rows per vector; s[0] holds columns 0 and 4, s[1] 2 and 6, s[2] 1 and 5, s[3] 3 and 7 (rows 0-3) */
#pragma GCC unroll 2
        for (int q = 0; q < 2; q++) {
            s[4 * q] = _mm512_shuffle_f64x2(t[4 * q], t[4 * q + 2], 0x88);
            s[4 * q + 1] = _mm512_shuffle_f64x2(t[4 * q], t[4 * q + 2], 0xDD);
            s[4 * q + 2] = _mm512_shuffle_f64x2(t[4 * q + 1], t[4 * q + 3], 0x88);
            s[4 * q + 3] = _mm512_shuffle_f64x2(t[4 * q + 1], t[4 * q + 3], 0xDD);
        }
        double *out = dst + p * MR;
        _mm512_storeu_pd(out + 0 * MR, _mm512_shuffle_f64x2(s[0], s[4], 0x88));
        _mm512_storeu_pd(out + 4 * MR, _mm512_shuffle_f64x2(s[0], s[4], 0xDD));
        _mm512_storeu_pd(out + 2 * MR, _mm512_shuffle_f64x2(s[1], s[5], 0x88));
        _mm512_storeu_pd(out + 6 * MR, _mm512_shuffle_f64x2(s[1], s[5], 0xDD));
        _mm512_storeu_pd(out + 1 * MR, _mm512_shuffle_f64x2(s[2], s[6], 0x88));
        _mm512_storeu_pd(out + 5 * MR, _mm512_shuffle_f64x2(s[2], s[6], 0xDD));
        _mm512_storeu_pd(out + 3 * MR, _mm512_shuffle_f64x2(s[3], s[7], 0x88));
        _mm512_storeu_pd(out + 7 * MR, _mm512_shuffle_f64x2(s[3], s[7], 0xDD));
    }
    for (; p < kc; p++) {
        for (int i = 0; i < MR; i++) {
            dst[p * MR + i] = a[i * lda + p];
        }
    }
}

#define GEMM_MICRO gemm_micro_avx512
#define PACK_A_PANEL pack_a_panel_avx512
#define PARTIAL_TILES 1
#include "kernels.inc.c"
