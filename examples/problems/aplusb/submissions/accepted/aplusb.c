#include <stdio.h>

int main(void) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    /* |a|, |b| <= 10^18, so |a + b| <= 2 * 10^18 < 2^63: no overflow. */
    printf("%lld\n", a + b);
    return 0;
}
