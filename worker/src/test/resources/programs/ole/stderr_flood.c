// Standard error has the same limit as standard output.
// expect: cause OUTPUT
#include <stdio.h>
int main(void) { for (;;) fputs("debug debug debug debug debug debug debug debug\n", stderr); }
