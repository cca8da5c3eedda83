/* About 0.4 s of arithmetic, then a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(void) {
  volatile unsigned long x = 0;
  clock_t end = clock() + CLOCKS_PER_SEC * 2 / 5;
  while (clock() < end) x++;
  fprintf(stderr, "giving up after %lu\n", x);
  return 3;
}
