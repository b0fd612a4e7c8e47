/* Kernels for AVX-512: eight-double vectors, an 8 x 24 gemm tile (24 of 32 zmm registers accumulate). */
#define KSET avx512
#define VLEN 8
#define MR 8
#define NR 24
#define SUPPORTED (__builtin_cpu_init(), __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") \
                   && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") \
                   && __builtin_cpu_supports("fma"))
#include "kernels.inc.c"
