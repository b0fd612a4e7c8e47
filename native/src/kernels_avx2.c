/*
 * Kernels for AVX2 + FMA: four-double vectors. A 6 x 8 gemm tile keeps 12 of
 * the 16 ymm registers accumulating (2 hold B, 1 the broadcast). KC = 256
 * keeps an A micro-panel (12 KiB) in L1, NC = 256 a 256 x 256 block of packed
 * B (512 KiB) in L2; MC = 144 rows of A per packed block (a multiple of 6).
 */
#define KSET avx2
#define VLEN 4
#define MR 6
#define NR 8
#define MC 144
#define KC 256
#define NC 256
#define SUPPORTED (__builtin_cpu_init(), __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
#include "kernels.inc.c"
