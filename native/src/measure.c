/* Measurement kernels: the peak arithmetic rate and memory bandwidth benchmarks are compared with. */
#include "corebound.h"
#include "internal.h"

CB_API int64_t cb_peak_fma(int64_t rounds, double *sink) {
    return cb_active()->peak_fma(rounds > 0 ? rounds : 0, sink);
}

CB_API void cb_triad(int64_t n, double *a, const double *b, const double *c, double s) {
    for (int64_t i = 0; i < n; i++) {
        a[i] = b[i] + s * c[i];
    }
}
