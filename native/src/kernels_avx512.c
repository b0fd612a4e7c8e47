/*
 * Kernels for AVX-512: eight-double vectors. The gemm microkernel is written
 * with intrinsics so that every k step is exactly NV vector loads of B, MR
 * broadcasts of A and MR * NV fused multiply-adds, nothing else.
 */
#include <immintrin.h>

#define KSET avx512
#define VLEN 8
#ifndef MR
#define MR 8
#endif
#ifndef NV
#define NV 3
#endif
#define NR (NV * VLEN)
#ifndef KC
#define KC 384
#endif
#ifndef NC
#define NC 168
#endif
#ifndef MC
#define MC 192
#endif
#ifndef CPF
#define CPF _MM_HINT_T0
#endif
#ifndef PF_B
#define PF_B 8
#endif
#define SUPPORTED (__builtin_cpu_init(), __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") \
                   && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") \
                   && __builtin_cpu_supports("fma"))

#include "internal.h"

#include <stdint.h>

static void gemm_micro_avx512(int64_t kc, const double *restrict a, const double *restrict b, double *restrict c,
                              int64_t ldc, int overwrite) {
    __m512d acc[MR][NV];
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            acc[i][v] = _mm512_setzero_pd();
        }
        /* The tile's rows are read and written at the end: start fetching every line of them now. */
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            _mm_prefetch((const char *) (c + i * ldc + v * VLEN), CPF);
        }
        _mm_prefetch((const char *) (c + i * ldc + NR - 1), CPF);
    }
#pragma GCC unroll 4
    for (int64_t p = 0; p < kc; p++) {
        __m512d bv[NV];
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            bv[v] = _mm512_loadu_pd(b + v * VLEN); /* as fast as an aligned load when b is aligned */
#if PF_B
            _mm_prefetch((const char *) (b + PF_B * NR + v * VLEN), _MM_HINT_T0);
#endif
        }
#pragma GCC unroll 16
        for (int i = 0; i < MR; i++) {
#if EMBED
#pragma GCC unroll 4
            for (int v = 0; v < NV; v++) {
                __asm__("vfmadd231pd %2%{1to8%}, %1, %0" : "+v"(acc[i][v]) : "v"(bv[v]), "m"(a[i]));
            }
#else
            __m512d ai = _mm512_set1_pd(a[i]);
#pragma GCC unroll 4
            for (int v = 0; v < NV; v++) {
                acc[i][v] = _mm512_fmadd_pd(ai, bv[v], acc[i][v]);
            }
#endif
        }
        a += MR;
        b += NR;
    }
    __m512d zero = _mm512_setzero_pd();
#pragma GCC unroll 16
    for (int i = 0; i < MR; i++) {
#pragma GCC unroll 4
        for (int v = 0; v < NV; v++) {
            double *ci = c + i * ldc + v * VLEN;
            __m512d base = overwrite ? zero : _mm512_loadu_pd(ci);
            _mm512_storeu_pd(ci, _mm512_add_pd(base, acc[i][v]));
        }
    }
}

#define GEMM_MICRO gemm_micro_avx512
#include "kernels.inc.c"
