// Output without end: the capture stops at the output limit and the run is killed.
// expect: cause OUTPUT
#include <stdio.h>
int main(void) { for (;;) fputs("spam spam spam spam spam spam spam spam spam spam spam\n", stdout); }
