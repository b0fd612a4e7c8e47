/*
 * CPU-bound workloads: pure arithmetic, no memory traffic. Compiled without
 * floating-point contraction so that every operation rounds exactly as the
 * Java versions' do, and both count the same.
 */
#include "corebound.h"
#include "internal.h"

static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Draw j of the counter-based generator, as a double in [0, 1) with 53 random bits. */
static double unit_draw(uint64_t seed, uint64_t j) {
    return (double) (mix64(seed + (j + 1) * UINT64_C(0x9E3779B97F4A7C15)) >> 11) * 0x1.0p-53;
}

CB_API int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count) {
    int64_t hits = 0;
#ifdef COREBOUND_OPENMP
    int threads = cb_threads();
#pragma omp parallel for schedule(static) reduction(+ : hits) num_threads(threads) if (threads > 1)
#endif
    for (int64_t i = first; i < first + count; i++) {
        double x = unit_draw(seed, 2 * (uint64_t) i);
        double y = unit_draw(seed, 2 * (uint64_t) i + 1);
        hits += x * x + y * y <= 1.0;
    }
    return hits;
}

static int32_t escape(double cr, double ci, int32_t max_iter) {
    double zr = 0.0;
    double zi = 0.0;
    int32_t it = 0;
    while (it < max_iter) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) {
            break;
        }
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        it++;
    }
    return it;
}

CB_API int64_t cb_mandelbrot(int64_t width, int64_t height, int64_t row_begin, int64_t row_end,
                             int32_t max_iter, double x_min, double x_max, double y_min, double y_max) {
    double dx = (x_max - x_min) / (double) width;
    double dy = (y_max - y_min) / (double) height;
    int64_t total = 0;
#ifdef COREBOUND_OPENMP
    int threads = cb_threads();
#pragma omp parallel for schedule(dynamic, 1) reduction(+ : total) num_threads(threads) if (threads > 1)
#endif
    for (int64_t row = row_begin; row < row_end; row++) {
        double ci = y_min + (double) row * dy;
        for (int64_t col = 0; col < width; col++) {
            total += escape(x_min + (double) col * dx, ci, max_iter);
        }
    }
    return total;
}
