// Divides by zero: SIGFPE on x86-64. The divisor is volatile so the compiler
// cannot fold the division away.
#include <iostream>

int main() {
    long long a, b;
    std::cin >> a >> b;
    volatile long long zero = 0;
    std::cout << (a + b) / zero << '\n';
}
