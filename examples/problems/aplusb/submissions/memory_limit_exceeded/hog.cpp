// Allocates 1 GiB in 16 MiB steps and has the kernel fault every page in at once
// (MAP_POPULATE), so the memory is really resident (untouched pages would cost
// nothing). With the 256 MiB limit it must be stopped long before the end; if it
// is not, it prints the right answer, so the only way it can fail is by running
// out of memory. Touching the pages one by one works too, but on virtual machines
// where a page fault is slow it spends most of the 1 s time limit doing so.
#include <sys/mman.h>

#include <cstdlib>
#include <iostream>
#include <vector>

int main() {
    long long a, b;
    std::cin >> a >> b;
    const std::size_t step = 16u << 20;
    const int steps = 64;  // 64 * 16 MiB = 1 GiB
    std::vector<char*> blocks;
    for (int i = 0; i < steps; i++) {
        void* block = mmap(nullptr, step, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (block == MAP_FAILED) std::abort();
        static_cast<char*>(block)[step - 1] = 1;
        blocks.push_back(static_cast<char*>(block));
    }
    std::cout << a + b + blocks.size() - steps << '\n';
}
