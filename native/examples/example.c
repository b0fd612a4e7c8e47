/* Multiplies two small matrices with corebound and checks the result. */
#include <corebound.h>
#include <stdio.h>

int main(void) {
    /* A is 2 x 3, B is 3 x 2, both row-major. */
    const double a[] = {1, 2, 3,
                        4, 5, 6};
    const double b[] = {7, 8,
                        9, 10,
                        11, 12};
    double c[4] = {0};
    cb_dgemm(CB_NO_TRANS, CB_NO_TRANS, 2, 2, 3, 1.0, a, 3, b, 2, 0.0, c, 2);

    const double want[] = {58, 64, 139, 154};
    for (int i = 0; i < 4; i++) {
        if (c[i] != want[i]) {
            fprintf(stderr, "c[%d] = %g, expected %g\n", i, c[i], want[i]);
            return 1;
        }
    }
    double dot = cb_ddot(3, a, a);
    printf("corebound %s (kernels %s): C = [%g %g; %g %g], a0 . a0 = %g\n",
           cb_version(), cb_kernel_set(), c[0], c[1], c[2], c[3], dot);
    return dot == 14.0 ? 0 : 1;
}
