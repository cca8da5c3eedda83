/* Answers, waits until the validator has exited (end-of-file on stdin), then writes 4 MiB more. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char line[2048];
  while (fgets(line, sizeof line, stdin)) {
    if (strcmp(line, "hello\n") == 0) {
      puts("hello");
      break;
    }
    if (strcmp(line, "end\n") == 0) {
      puts("done");
      break;
    }
  }
  fflush(stdout);
  while (fgets(line, sizeof line, stdin)) {
  }
  static char junk[4096];
  memset(junk, 'y', sizeof junk - 1);
  for (int i = 0; i < 1024; i++) puts(junk);
  return 0;
}
