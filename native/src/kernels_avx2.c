/* Kernels for AVX2 + FMA: four-double vectors, a 6 x 8 gemm tile (12 of 16 ymm registers accumulate). */
#define KSET avx2
#define VLEN 4
#define MR 6
#define NR 8
#define MC 144
#define KC 256
#define NC 256
#define SUPPORTED (__builtin_cpu_init(), __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
#include "kernels.inc.c"
