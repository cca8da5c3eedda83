// Trial division: the smallest divisor d > 1 of a composite n is at most
// sqrt(n) <= 10^6, and n / d >= d is its partner.
#include <iostream>

int main() {
    long long n;
    std::cin >> n;
    for (long long d = 2; d * d <= n; d++) {
        if (n % d == 0) {
            std::cout << d << ' ' << n / d << '\n';
            return 0;
        }
    }
    return 1;  // n is prime: cannot happen on valid input
}
