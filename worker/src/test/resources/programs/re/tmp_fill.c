// Filling a file in /tmp: the file size limit stops it with SIGXFSZ. Not output, so not OLE: a
// runtime error, as isolate reports a file over its --fsize.
// expect: signal SIGXFSZ
#include <stdio.h>
#include <string.h>
int main(void) {
  static char block[1 << 16];
  memset(block, 'x', sizeof block);
  FILE *f = fopen("/tmp/fill", "w");
  for (;;) fwrite(block, 1, sizeof block, f);
}
