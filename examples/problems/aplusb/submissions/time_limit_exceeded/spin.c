/* Reads the input, then burns CPU forever without printing anything. */
#include <stdio.h>

int main(void) {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    volatile unsigned long long counter = 0;
    for (;;) counter++;
}
