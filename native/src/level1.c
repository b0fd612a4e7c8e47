/* Level-1 BLAS: argument conventions and the parts that are the same for every kernel set. */
#include "corebound.h"
#include "internal.h"

#include <math.h>

CB_API double cb_ddot(int64_t n, const double *x, const double *y) {
    return n > 0 ? cb_active()->ddot(n, x, y) : 0.0;
}

CB_API void cb_daxpy(int64_t n, double alpha, const double *x, double *y) {
    if (n > 0 && alpha != 0.0) { /* reference BLAS returns early for alpha == 0 */
        cb_active()->daxpy(n, alpha, x, y);
    }
}

CB_API void cb_dscal(int64_t n, double alpha, double *x) {
    if (n > 0) {
        cb_active()->dscal(n, alpha, x);
    }
}

CB_API double cb_dasum(int64_t n, const double *x) {
    return n > 0 ? cb_active()->dasum(n, x) : 0.0;
}

CB_API double cb_dsum(int64_t n, const double *x) {
    return n > 0 ? cb_active()->dsum(n, x) : 0.0;
}

/*
 * Two passes: the largest magnitude, then the sum of squares scaled by a power
 * of two near its reciprocal, so squares neither overflow nor underflow to
 * nothing. The power can be outside the double range for subnormal inputs,
 * so it is applied as two exact factors.
 */
CB_API double cb_dnrm2(int64_t n, const double *x) {
    if (n <= 0) {
        return 0.0;
    }
    const cb_kernel_table *k = cb_active();
    double amax = k->damax(n, x);
    if (amax == 0.0 || isinf(amax)) {
        /* All zero (or NaN), or an infinity: the sum of squares says which, NaN winning. */
        double probe = k->dsumsq(n, x, 1.0, 1.0);
        return isnan(probe) ? probe : amax;
    }
    int e = ilogb(amax);
    int half = -e / 2;
    double s1 = ldexp(1.0, half);
    double s2 = ldexp(1.0, -e - half);
    return sqrt(k->dsumsq(n, x, s1, s2)) / s1 / s2;
}

/*
 * The first index of the largest magnitude. As in reference BLAS, a NaN is
 * never larger than anything, except that a NaN first element wins (nothing
 * compares larger than it).
 */
CB_API int64_t cb_idamax(int64_t n, const double *x) {
    if (n <= 0) {
        return -1;
    }
    if (isnan(x[0])) {
        return 0;
    }
    double amax = cb_active()->damax(n, x);
    for (int64_t i = 0; i < n; i++) {
        if (fabs(x[i]) == amax) {
            return i;
        }
    }
    return 0;
}
