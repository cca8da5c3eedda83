/* Sums in 32 bits: right in group 1 (|sum| <= 10^4), wraps around in
 * group 2. The addition is done in unsigned arithmetic so the wrap-around is
 * well defined, not undefined behaviour. */
#include <stdint.h>
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    uint32_t sum = 0;
    for (int i = 0; i < n; i++) {
        int32_t a;
        if (scanf("%d", &a) != 1) return 1;
        sum += (uint32_t)a;
    }
    printf("%d\n", (int32_t)sum);
    return 0;
}
