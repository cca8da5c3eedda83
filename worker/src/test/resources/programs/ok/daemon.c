// A setsid double-fork daemon that outlives its parent: killed with the run.
// expect: stdout contains parent done
#include <stdio.h>
#include <unistd.h>
int main(void) {
  if (fork() == 0) {
    setsid();
    if (fork() == 0) { for (;;) sleep(1); }
    _exit(0);
  }
  puts("parent done");
  return 0;
}
