/*
 * An interactive validator that does nothing to protect itself: it does not ignore SIGPIPE, so a
 * judge that closes the pipe to a submission that has exited kills it (a judge error), and it
 * exits as soon as it has its answer, so a judge that closes the pipe from the submission then
 * kills a submission that writes a little more (a run-time error).
 *
 *   greet: writes "hello", accepts the answer "hello".
 *   flood: writes "flood", 4 MiB of lines and "end", accepts the answer "done".
 * Anything else, end-of-file included, is rejected.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  char mode[16] = "", answer[64] = "";
  FILE *in = argc > 1 ? fopen(argv[1], "r") : NULL;
  if (!in || fscanf(in, "%15s", mode) != 1) return 1;
  const char *expected = "hello";
  if (strcmp(mode, "flood") == 0) {
    puts("flood");
    static char line[1024];
    memset(line, 'x', sizeof line - 1);
    for (int i = 0; i < 4096; i++) puts(line);
    puts("end");
    expected = "done";
  } else {
    puts("hello");
  }
  fflush(stdout);
  if (!fgets(answer, sizeof answer, stdin)) return 43;
  answer[strcspn(answer, "\n")] = 0;
  return strcmp(answer, expected) == 0 ? 42 : 43;
}
