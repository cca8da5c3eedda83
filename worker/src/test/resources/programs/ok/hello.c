// The plainest run.
// expect: stdout contains hello
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
