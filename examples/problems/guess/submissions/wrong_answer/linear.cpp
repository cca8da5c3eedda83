// Tries 1, 2, 3, ...: right for x <= 31, but the judge stops it at its 32nd
// question for any larger x. It then sees EOF and exits quietly, so the
// verdict is the judge's wrong answer, not a crash.
#include <cstdio>

int main() {
    for (long long y = 1; y <= 1000000000; y++) {
        std::printf("? %lld\n", y);
        std::fflush(stdout);
        char reply[8];
        if (std::scanf("%7s", reply) != 1) return 0;
        if (reply[0] == '=') return 0;
    }
}
