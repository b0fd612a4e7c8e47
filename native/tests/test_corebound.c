/*
 * Every function against a naive reference written here, for every kernel
 * set this CPU runs: n = 0, 1, odd sizes, primes, sizes around the vector
 * widths and the gemm tile and block edges, leading dimensions wider than the
 * rows, every transpose, alpha and beta including 0 and 1, and the special
 * values BLAS defines.
 *
 * Tolerance: a sum of n products computed in any order, with or without fused
 * multiply-add, is within gamma(n) * sum|terms| of the exact sum (gamma(n) =
 * n * eps / (1 - n * eps)); two such sums are within twice that of each other.
 * We allow 2 * (n + 2) * eps * sum|terms| (the + 2 covers alpha and beta).
 */
#include "corebound.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
static const char *set_name = "?";

#define CHECK(cond, ...)                                             \
    do {                                                             \
        if (!(cond)) {                                               \
            failures++;                                              \
            if (failures <= 20) {                                    \
                fprintf(stderr, "[%s] %s:%d: ", set_name, __FILE__, __LINE__); \
                fprintf(stderr, __VA_ARGS__);                        \
                fputc('\n', stderr);                                 \
            }                                                        \
        }                                                            \
    } while (0)

static uint64_t rng_state = 88172645463325252ULL;

/* Uniform in [-1, 1). */
static double rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double) (rng_state >> 11) * 0x1.0p-52 - 1.0;
}

static double *random_array(int64_t n) {
    double *p = malloc(sizeof(double) * (size_t) (n > 0 ? n : 1));
    for (int64_t i = 0; i < n; i++) {
        p[i] = rnd();
    }
    return p;
}

static int close_enough(double want, double got, int64_t n, double terms) {
    if (isnan(want) || isinf(want)) {
        return isnan(want) ? isnan(got) : want == got;
    }
    return fabs(want - got) <= 2.0 * (double) (n + 2) * DBL_EPSILON * terms + DBL_MIN;
}

static const int64_t SIZES[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 63, 64, 65,
                                97, 127, 128, 129, 255, 256, 257, 1000, 1021, 40003};
#define COUNT(a) ((int) (sizeof(a) / sizeof((a)[0])))

static void test_level1(void) {
    for (int s = 0; s < COUNT(SIZES); s++) {
        int64_t n = SIZES[s];
        /* One element of offset: kernels must not assume aligned vectors. */
        double *xb = random_array(n + 1), *yb = random_array(n + 1);
        double *x = xb + 1, *y = yb + 1;
        double dot = 0, dot_terms = 0, asum = 0, sum = 0, sumsq = 0;
        int64_t imax = n > 0 ? 0 : -1;
        for (int64_t i = 0; i < n; i++) {
            dot += x[i] * y[i];
            dot_terms += fabs(x[i] * y[i]);
            asum += fabs(x[i]);
            sum += x[i];
            sumsq += x[i] * x[i];
            if (fabs(x[i]) > fabs(x[imax])) {
                imax = i;
            }
        }
        CHECK(close_enough(dot, cb_ddot(n, x, y), n, dot_terms), "ddot n=%lld", (long long) n);
        CHECK(close_enough(asum, cb_dasum(n, x), n, asum), "dasum n=%lld", (long long) n);
        CHECK(close_enough(sum, cb_dsum(n, x), n, asum), "dsum n=%lld", (long long) n);
        CHECK(close_enough(sqrt(sumsq), cb_dnrm2(n, x), n, sqrt(sumsq)), "dnrm2 n=%lld", (long long) n);
        CHECK(cb_idamax(n, x) == imax, "idamax n=%lld: %lld, expected %lld", (long long) n,
              (long long) cb_idamax(n, x), (long long) imax);

        double *want = malloc(sizeof(double) * (size_t) (n + 1));
        memcpy(want, y, sizeof(double) * (size_t) n);
        for (int64_t i = 0; i < n; i++) {
            want[i] += -0.75 * x[i];
        }
        cb_daxpy(n, -0.75, x, y);
        for (int64_t i = 0; i < n; i++) {
            CHECK(close_enough(want[i], y[i], 1, fabs(want[i]) + fabs(0.75 * x[i])), "daxpy n=%lld i=%lld",
                  (long long) n, (long long) i);
        }
        memcpy(want, y, sizeof(double) * (size_t) n);
        cb_dscal(n, 3.0, y);
        for (int64_t i = 0; i < n; i++) {
            CHECK(y[i] == 3.0 * want[i], "dscal n=%lld", (long long) n);
        }
        CHECK(yb[0] == yb[0] && xb[0] == xb[0], "wrote outside the vector");
        free(want);
        free(xb);
        free(yb);
    }
}

static void test_level1_special_values(void) {
    double big[100], tiny[100], sub[100];
    for (int i = 0; i < 100; i++) {
        big[i] = 1e300;
        tiny[i] = 1e-300;
        sub[i] = 1e-320;
    }
    CHECK(fabs(cb_dnrm2(100, big) / 1e301 - 1) < 1e-14, "dnrm2 overflowed: %g", cb_dnrm2(100, big));
    CHECK(fabs(cb_dnrm2(100, tiny) / 1e-299 - 1) < 1e-14, "dnrm2 underflowed: %g", cb_dnrm2(100, tiny));
    CHECK(fabs(cb_dnrm2(100, sub) - 1e-319) < 1e-321, "dnrm2 of subnormals: %g", cb_dnrm2(100, sub));

    double v[5] = {1, -7, 7, 2, -7};
    CHECK(cb_idamax(5, v) == 1, "idamax ties: the first wins");
    double nan_first[3] = {NAN, 5, 9};
    CHECK(cb_idamax(3, nan_first) == 0, "idamax: a NaN first element wins, as in reference BLAS");
    double with_nan[3] = {1, NAN, 2};
    CHECK(cb_idamax(3, with_nan) == 2, "idamax: NaN elsewhere is never the largest");
    CHECK(isnan(cb_dnrm2(3, with_nan)), "dnrm2 with NaN");
    CHECK(isnan(cb_ddot(3, with_nan, v)), "ddot with NaN");
    double with_inf[3] = {1, INFINITY, 2};
    CHECK(isinf(cb_dnrm2(3, with_inf)), "dnrm2 with Inf");
    double inf_nan[3] = {INFINITY, NAN, 2};
    CHECK(isnan(cb_dnrm2(3, inf_nan)), "dnrm2 with Inf and NaN is NaN");
    double zeros[4] = {0, 0, 0, 0};
    CHECK(cb_dnrm2(4, zeros) == 0.0, "dnrm2 of zeros");

    double y[3] = {1, 2, 3};
    cb_daxpy(3, 0.0, with_nan, y);
    CHECK(y[0] == 1 && y[1] == 2 && y[2] == 3, "daxpy with alpha 0 must not touch y");
    double s[2] = {NAN, 4};
    cb_dscal(2, 0.0, s);
    CHECK(isnan(s[0]) && s[1] == 0.0, "dscal by 0 multiplies (NaN stays NaN)");
    CHECK(cb_ddot(0, NULL, NULL) == 0.0 && cb_dnrm2(0, NULL) == 0.0 && cb_idamax(0, NULL) == -1, "n = 0");
}

/* Naive op(A) x with A m x n (row-major, lda). */
static void naive_gemv(int trans, int64_t m, int64_t n, double alpha, const double *a, int64_t lda,
                       const double *x, double beta, double *y, double *terms) {
    int64_t rows = trans == CB_TRANS ? n : m, inner = trans == CB_TRANS ? m : n;
    for (int64_t i = 0; i < rows; i++) {
        double s = 0, t = fabs(beta * y[i]);
        for (int64_t p = 0; p < inner; p++) {
            double aip = trans == CB_TRANS ? a[p * lda + i] : a[i * lda + p];
            s += aip * x[p];
            t += fabs(alpha * aip * x[p]);
        }
        y[i] = (beta == 0 ? 0 : beta * y[i]) + alpha * s;
        terms[i] = t;
    }
}

static void test_gemv(void) {
    const int64_t dims[] = {0, 1, 2, 3, 7, 8, 9, 17, 33, 129, 513, 600};
    const double scalars[] = {0.0, 1.0, -0.5, 2.5};
    for (int trans = CB_NO_TRANS; trans <= CB_TRANS; trans++) {
        for (int mi = 0; mi < COUNT(dims); mi++) {
            for (int ni = 0; ni < COUNT(dims); ni++) {
                int64_t m = dims[mi], n = dims[ni], lda = n + 3;
                double alpha = scalars[(mi + ni) % 4], beta = scalars[(mi + 2 * ni + trans) % 4];
                int64_t leny = trans == CB_TRANS ? n : m, lenx = trans == CB_TRANS ? m : n;
                double *a = random_array(m * lda), *x = random_array(lenx), *y = random_array(leny);
                double *want = malloc(sizeof(double) * (size_t) (leny + 1)), *terms = malloc(sizeof(double) * (size_t) (leny + 1));
                memcpy(want, y, sizeof(double) * (size_t) leny);
                if (m > 0 && n > 0) {
                    naive_gemv(trans, m, n, alpha, a, lda, x, beta, want, terms);
                } else {
                    for (int64_t i = 0; i < leny; i++) {
                        terms[i] = fabs(want[i]);
                    }
                }
                cb_dgemv(trans, m, n, alpha, a, lda, x, beta, y);
                for (int64_t i = 0; i < leny; i++) {
                    CHECK(close_enough(want[i], y[i], lenx, terms[i]), "dgemv trans=%d m=%lld n=%lld alpha=%g beta=%g i=%lld",
                          trans, (long long) m, (long long) n, alpha, beta, (long long) i);
                }
                free(a);
                free(x);
                free(y);
                free(want);
                free(terms);
            }
        }
    }
}

static void check_gemm(int ta, int tb, int64_t m, int64_t n, int64_t k, double alpha, double beta) {
    int64_t lda = (ta == CB_TRANS ? m : k) + 2, ldb = (tb == CB_TRANS ? k : n) + 1, ldc = n + 5;
    double *a = random_array((ta == CB_TRANS ? k : m) * lda);
    double *b = random_array((tb == CB_TRANS ? n : k) * ldb);
    double *c = random_array(m * ldc);
    double *want = malloc(sizeof(double) * (size_t) (m * ldc + 1));
    memcpy(want, c, sizeof(double) * (size_t) (m * ldc));
    cb_dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    for (int64_t i = 0; i < m; i++) {
        for (int64_t j = 0; j < ldc; j++) {
            if (j >= n) {
                CHECK(c[i * ldc + j] == want[i * ldc + j], "dgemm wrote padding at (%lld, %lld)", (long long) i, (long long) j);
                continue;
            }
            double s = 0, t = fabs(beta * want[i * ldc + j]);
            for (int64_t p = 0; p < k; p++) {
                double aip = ta == CB_TRANS ? a[p * lda + i] : a[i * lda + p];
                double bpj = tb == CB_TRANS ? b[j * ldb + p] : b[p * ldb + j];
                s += aip * bpj;
                t += fabs(alpha * aip * bpj);
            }
            double expect = (beta == 0 ? 0 : beta * want[i * ldc + j]) + alpha * s;
            CHECK(close_enough(expect, c[i * ldc + j], k, t), "dgemm ta=%d tb=%d m=%lld n=%lld k=%lld alpha=%g beta=%g at (%lld, %lld): %.17g vs %.17g",
                  ta, tb, (long long) m, (long long) n, (long long) k, alpha, beta, (long long) i, (long long) j,
                  c[i * ldc + j], expect);
        }
    }
    free(a);
    free(b);
    free(c);
    free(want);
}

static void test_gemm(void) {
    /* Around the tile sizes (up to 8 x 24) and the blocking (KC = 256, MC = 192). */
    const int64_t dims[] = {0, 1, 2, 5, 7, 8, 9, 23, 24, 25, 49};
    const double scalars[] = {0.0, 1.0, -0.5, 2.5};
    int case_no = 0;
    for (int ta = CB_NO_TRANS; ta <= CB_TRANS; ta++) {
        for (int tb = CB_NO_TRANS; tb <= CB_TRANS; tb++) {
            for (int mi = 0; mi < COUNT(dims); mi++) {
                for (int ni = 0; ni < COUNT(dims); ni++) {
                    int64_t k = dims[(mi * 3 + ni) % COUNT(dims)];
                    case_no++;
                    check_gemm(ta, tb, dims[mi], dims[ni], k, scalars[case_no % 4], scalars[(case_no / 4) % 4]);
                }
            }
            check_gemm(ta, tb, 193, 50, 257, 1.5, -1.0);
            check_gemm(ta, tb, 31, 3100, 3, 1.0, 0.0);
        }
    }
}

static void test_gemm_special_values(void) {
    double a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {1, 0, 0, 1, 1, 1};
    double c[4] = {NAN, NAN, NAN, NAN};
    cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, 2, 2, 3, 1.0, a, 3, b, 2, 0.0, c, 2);
    CHECK(c[0] == 4 && c[1] == 5 && c[2] == 10 && c[3] == 11, "dgemm with beta 0 must overwrite NaN in C");
    double nan_a[6] = {NAN, NAN, NAN, NAN, NAN, NAN}, c2[4] = {2, 2, 2, 2};
    cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, 2, 2, 3, 0.0, nan_a, 3, b, 2, 0.5, c2, 2);
    CHECK(c2[0] == 1 && c2[3] == 1, "dgemm with alpha 0 must not read A");
    double y[2] = {NAN, NAN}, x[3] = {1, 1, 1};
    cb_dgemv(CB_NO_TRANS, 2, 3, 1.0, a, 3, x, 0.0, y);
    CHECK(y[0] == 6 && y[1] == 15, "dgemv with beta 0 must overwrite NaN in y");
    double y2[2] = {2, 2};
    cb_dgemv(CB_NO_TRANS, 2, 3, 0.0, nan_a, 3, x, 0.5, y2);
    CHECK(y2[0] == 1 && y2[1] == 1, "dgemv with alpha 0 must not read A");
    double c3[2] = {3, 3};
    cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, 1, 2, 0, 1.0, a, 1, b, 2, 2.0, c3, 2);
    CHECK(c3[0] == 6 && c3[1] == 6, "dgemm with k = 0 scales C by beta");
}

/* C = alpha * op(A) * op(B) + beta * C through cb_dgemm, on `threads` threads, into a fresh copy of c0. */
static double *gemm_on_threads(int threads, int ta, int tb, int64_t m, int64_t n, int64_t k, double alpha,
                               const double *a, int64_t lda, const double *b, int64_t ldb, double beta,
                               const double *c0, int64_t ldc) {
    double *c = malloc(sizeof(double) * (size_t) (m * ldc + 1));
    memcpy(c, c0, sizeof(double) * (size_t) (m * ldc));
    cb_set_num_threads(threads);
    cb_dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    cb_set_num_threads(1);
    return c;
}

/* More threads must give the same bits for gemm and gemv and the same counts for the workloads. */
static void test_threads(void) {
    /*
     * Shapes that split by rows, by columns and both (up to 7 threads: one per
     * 8 Mflop), with edge tiles, several kc slices, both transposes, and small
     * ones that one thread computes without packing.
     */
    const int64_t shapes[][3] = {{300, 200, 150}, {16, 2000, 600}, {1000, 5, 33}, {129, 131, 700}, {250, 230, 500},
                                 {64, 64, 64}};
    const int counts[] = {2, 3, 4, 7};
    for (int s = 0; s < COUNT(shapes); s++) {
        int64_t m = shapes[s][0], n = shapes[s][1], k = shapes[s][2];
        int ta = s % 2, tb = (s / 2) % 2;
        int64_t lda = (ta == CB_TRANS ? m : k) + 3, ldb = (tb == CB_TRANS ? k : n) + 1, ldc = n + 2;
        double *a = random_array((ta == CB_TRANS ? k : m) * lda), *b = random_array((tb == CB_TRANS ? n : k) * ldb);
        double *c0 = random_array(m * ldc);
        double beta = s == 0 ? 0.5 : (s % 2 ? 0.0 : 1.0);
        double *one = gemm_on_threads(1, ta, tb, m, n, k, 1.25, a, lda, b, ldb, beta, c0, ldc);
        for (int t = 0; t < COUNT(counts); t++) {
            double *many = gemm_on_threads(counts[t], ta, tb, m, n, k, 1.25, a, lda, b, ldb, beta, c0, ldc);
            CHECK(memcmp(one, many, sizeof(double) * (size_t) (m * ldc)) == 0,
                  "dgemm %lldx%lldx%lld on %d threads differs from 1 thread", (long long) m, (long long) n,
                  (long long) k, counts[t]);
            free(many);
        }
        free(a);
        free(b);
        free(c0);
        free(one);
    }
    int got = cb_set_num_threads(3);
    int64_t hits3 = cb_monte_carlo_pi(7, 0, 200000);
    int64_t iters3 = cb_mandelbrot(200, 150, 0, 150, 100, -2, 1, -1.5, 1.5);
    cb_set_num_threads(1);
    CHECK(got == 3 || got == 1, "cb_set_num_threads(3) gave %d", got);
    CHECK(cb_get_num_threads() == 1, "cb_set_num_threads(1)");
    CHECK(hits3 == cb_monte_carlo_pi(7, 0, 200000), "Monte Carlo on threads");
    CHECK(iters3 == cb_mandelbrot(200, 150, 0, 150, 100, -2, 1, -1.5, 1.5), "Mandelbrot on threads");
}

/*
 * The two-phase API: B packed in column chunks (out of order, as concurrent
 * workers would), C computed in row blocks x column ranges, must give
 * exactly cb_dgemm's bits, and must not write outside its buffer or C's
 * rectangle.
 */
static void check_gemm_packed(int ta, int tb, int64_t m, int64_t n, int64_t k, double alpha, double beta,
                              int row_blocks, int column_chunks) {
    int64_t lda = (ta == CB_TRANS ? m : k) + 2, ldb = (tb == CB_TRANS ? k : n) + 3, ldc = n + 1;
    double *a = random_array((ta == CB_TRANS ? k : m) * lda), *b = random_array((tb == CB_TRANS ? n : k) * ldb);
    double *c = random_array(m * ldc);
    double *want = gemm_on_threads(1, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    int64_t size = cb_dgemm_packed_b_size(k, n), step = cb_dgemm_column_step();
    CHECK(size == (k > 0 && n > 0 ? k * ((n + step - 1) / step * step) : 0), "packed size %lld for k=%lld n=%lld",
          (long long) size, (long long) k, (long long) n);
    double *packed = malloc(sizeof(double) * (size_t) (size + 8));
    for (int i = 0; i < 8; i++) {
        packed[size + i] = 12345.0;
    }
    int64_t granules = (n + step - 1) / step;
    for (int chunk = column_chunks - 1; chunk >= 0; chunk--) {
        int64_t j0 = granules * chunk / column_chunks * step, j1 = granules * (chunk + 1) / column_chunks * step;
        cb_dgemm_pack_b(tb, k, n, alpha, b, ldb, j0, j1 < n ? j1 : n, packed);
    }
    for (int i = 0; i < 8; i++) {
        CHECK(packed[size + i] == 12345.0, "cb_dgemm_pack_b wrote past cb_dgemm_packed_b_size");
    }

    /* Rectangles in any order. */
    for (int r = row_blocks - 1; r >= 0; r--) {
        int64_t i0 = m * r / row_blocks, i1 = m * (r + 1) / row_blocks;
        for (int chunk = 0; chunk < column_chunks; chunk++) {
            int64_t j0 = granules * chunk / column_chunks * step;
            int64_t j1 = granules * (chunk + 1) / column_chunks * step;
            const double *a_rows = ta == CB_TRANS ? a + i0 : a + i0 * lda;
            cb_dgemm_packed(ta, i1 - i0, k, a_rows, lda, packed, n, j0, j1 < n ? j1 : n, beta, c + i0 * ldc, ldc);
        }
    }
    CHECK(memcmp(want, c, sizeof(double) * (size_t) (m * ldc)) == 0,
          "two-phase gemm ta=%d tb=%d m=%lld n=%lld k=%lld beta=%g in %d x %d pieces differs from cb_dgemm", ta, tb,
          (long long) m, (long long) n, (long long) k, beta, row_blocks, column_chunks);
    free(a);
    free(b);
    free(c);
    free(want);
    free(packed);
}

static void test_gemm_packed(void) {
    const int64_t shapes[][3] = {{0, 5, 5}, {5, 0, 5}, {1, 1, 1}, {7, 25, 3}, {33, 49, 257}, {100, 97, 400},
                                 {9, 200, 1000}, {250, 31, 130}, {6, 7, 0}};
    const double scalars[][2] = {{1.0, 0.0}, {-0.5, 1.0}, {2.5, 0.75}};
    for (int s = 0; s < COUNT(shapes); s++) {
        for (int t = 0; t < 4; t++) {
            const double *ab = scalars[(s + t) % COUNT(scalars)];
            check_gemm_packed(t / 2, t % 2, shapes[s][0], shapes[s][1], shapes[s][2], ab[0], ab[1], 1 + s % 3,
                              1 + t % 3);
        }
    }
    CHECK(cb_dgemm_column_step() > 0, "column step %lld", (long long) cb_dgemm_column_step());
}

static void test_workloads(void) {
    int64_t total = cb_monte_carlo_pi(42, 0, 1000000);
    CHECK(fabs(4.0 * (double) total / 1e6 - M_PI) < 0.01, "pi estimate %g", 4.0 * (double) total / 1e6);
    /* Seven uneven slices count the same hits as one. */
    const int64_t cuts[] = {0, 1, 2, 1000, 123457, 500000, 999999, 1000000};
    int64_t sliced = 0;
    for (int i = 0; i + 1 < COUNT(cuts); i++) {
        sliced += cb_monte_carlo_pi(42, cuts[i], cuts[i + 1] - cuts[i]);
    }
    CHECK(sliced == total, "Monte Carlo slices: %lld vs %lld", (long long) sliced, (long long) total);
    CHECK(cb_monte_carlo_pi(42, 5, 0) == 0, "no samples, no hits");

    /* Mandelbrot: the rows split anywhere sum to the whole; a point inside the set runs to the limit. */
    int64_t whole = cb_mandelbrot(301, 211, 0, 211, 250, -2, 1, -1.5, 1.5);
    int64_t split = cb_mandelbrot(301, 211, 0, 97, 250, -2, 1, -1.5, 1.5)
                  + cb_mandelbrot(301, 211, 97, 211, 250, -2, 1, -1.5, 1.5);
    CHECK(whole == split, "Mandelbrot row split: %lld vs %lld", (long long) whole, (long long) split);
    CHECK(cb_mandelbrot(1, 1, 0, 1, 77, 0, 0.001, 0, 0.001) == 77, "c = 0 never escapes");
    CHECK(cb_mandelbrot(1, 1, 0, 1, 77, 2, 2.001, 2, 2.001) == 1, "c = 2 + 2i escapes after one step");
}

static void test_measurement_kernels(void) {
    double sink = 0;
    int64_t flops = cb_peak_fma(1000, &sink);
    CHECK(flops > 0 && flops % 1000 == 0, "cb_peak_fma counts its flops: %lld", (long long) flops);
    CHECK(sink > 0 && isfinite(sink), "cb_peak_fma's checksum: %g", sink);
    CHECK(cb_peak_fma(0, &sink) == 0, "no rounds, no flops");
    double a[5], b[5] = {1, 2, 3, 4, 5}, c[5] = {1, 1, 1, 1, 1};
    cb_triad(5, a, b, c, 2.0);
    CHECK(a[0] == 3 && a[4] == 7, "cb_triad");
}

int main(void) {
    const char *sets[] = {"generic", "avx2", "avx512"};
    const char *initial = cb_kernel_set();
    int ran = 0;
    for (int s = 0; s < COUNT(sets); s++) {
        if (cb_select_kernel_set(sets[s]) != 0) {
            printf("kernel set %s: not supported here, skipped\n", sets[s]);
            continue;
        }
        set_name = sets[s];
        int before = failures;
        test_level1();
        test_level1_special_values();
        test_gemv();
        test_gemm();
        test_gemm_special_values();
        test_threads();
        test_gemm_packed();
        test_measurement_kernels();
        printf("kernel set %s: %s\n", sets[s], failures == before ? "ok" : "FAILED");
        ran++;
    }
    set_name = "workloads";
    test_workloads();
    CHECK(cb_select_kernel_set("no-such-set") == -1, "unknown kernel set");
    CHECK(cb_select_kernel_set(initial) == 0, "back to %s", initial);
    printf("corebound %s, default kernels %s, %d kernel sets tested, %d failures\n", cb_version(), initial, ran, failures);
    return failures == 0 && ran > 0 ? 0 : 1;
}
