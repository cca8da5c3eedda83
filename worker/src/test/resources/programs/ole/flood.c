// Output without end: RLIMIT_FSIZE stops it at the output limit.
// expect: cause OUTPUT
#include <stdio.h>
int main(void) { for (;;) fputs("spam spam spam spam spam spam spam spam spam spam spam\n", stdout); }
