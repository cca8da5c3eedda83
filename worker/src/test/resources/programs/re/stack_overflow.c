// Deep recursion past the stack limit (the test sets it to 8 MiB).
// expect: signal SIGSEGV
#include <stdio.h>
static int depth(int n) { volatile char pad[1024]; pad[0] = (char)n; return depth(n + 1) + pad[0]; }
int main(void) { printf("%d\n", depth(0)); return 0; }
