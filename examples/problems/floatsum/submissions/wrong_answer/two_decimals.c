/* Rounds to two decimals: off by up to 0.005, far outside the 1e-6
 * tolerance on most tests (only the large-average test lets it through).
 *
 * DOMjudge tag, consistent with this folder:
 * @EXPECTED_RESULTS@: WRONG_ANSWER
 */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double x;
        if (scanf("%lf", &x) != 1) return 1;
        sum += x;
    }
    printf("%.2f\n", sum / n);
    return 0;
}
