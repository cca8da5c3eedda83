// The output limit (8 MiB here) plus one byte: over it.
// expect: cause OUTPUT
#include <stdio.h>
#include <string.h>
int main(void) {
  static char block[1 << 20];
  memset(block, 'x', sizeof block);
  for (int i = 0; i < 8; i++) fwrite(block, 1, sizeof block, stdout);
  fputc('!', stdout);
  return 0;
}
