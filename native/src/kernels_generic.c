/* Kernels for any CPU: two-double vectors (SSE2 on x86-64, NEON on arm64), a 4 x 6 gemm tile. */
#define KSET generic
#define VLEN 2
#define MR 4
#define NR 6
#define MC 128
#define KC 256
#define NC 192
#define SUPPORTED 1
#include "kernels.inc.c"
