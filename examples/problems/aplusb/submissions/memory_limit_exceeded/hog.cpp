// Allocates 1 GiB in 16 MiB steps and writes to every page, so the memory is
// really resident (untouched pages would cost nothing). With the 256 MiB limit
// it must be stopped long before the end; if it is not, it prints the right
// answer, so the only way it can fail is by running out of memory.
#include <cstdlib>
#include <iostream>
#include <vector>

int main() {
    long long a, b;
    std::cin >> a >> b;
    const std::size_t step = 16u << 20;
    const int steps = 64;  // 64 * 16 MiB = 1 GiB
    const std::size_t page = 4096;
    std::vector<volatile char*> blocks;
    unsigned long long touched = 0;
    for (int i = 0; i < steps; i++) {
        volatile char* block = static_cast<volatile char*>(std::malloc(step));
        if (block == nullptr) std::abort();
        for (std::size_t off = 0; off < step; off += page) {
            block[off] = static_cast<char>(i + 1);
            touched += static_cast<unsigned char>(block[off]) != 0;
        }
        blocks.push_back(block);
    }
    // touched == 1 GiB / 4 KiB pages; the expression is a + b either way.
    std::cout << a + b + static_cast<long long>(touched - steps * (step / page)) << '\n';
}
