/*
 * Kernels for any CPU: two-double vectors (SSE2 on x86-64, NEON on arm64). A
 * 4 x 6 gemm tile keeps 12 of 16 vector registers accumulating; KC = 256 keeps
 * an A micro-panel (8 KiB) in L1, NC = 192 a block of packed B (384 KiB) in a
 * 512 KiB L2.
 */
#define KSET generic
#define VLEN 2
#define MR 4
#define NR 6
#define MC 128
#define KC 256
#define NC 192
#define SUPPORTED 1
#include "kernels.inc.c"
