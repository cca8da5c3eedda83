// Filling /tmp: the file size limit ends it before the tmpfs or memory cap.
// expect: cause OUTPUT
#include <stdio.h>
#include <string.h>
int main(void) {
  static char block[1 << 16];
  memset(block, 'x', sizeof block);
  FILE *f = fopen("/tmp/fill", "w");
  for (;;) fwrite(block, 1, sizeof block, f);
}
