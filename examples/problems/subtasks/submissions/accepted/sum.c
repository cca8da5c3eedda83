#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long sum = 0; /* at most 10^4 * 10^9 = 10^13 in absolute value */
    for (int i = 0; i < n; i++) {
        long long a;
        if (scanf("%lld", &a) != 1) return 1;
        sum += a;
    }
    printf("%lld\n", sum);
    return 0;
}
