// kill(-1) reaches only the run's own processes: the worker and the host carry on.
// expect: stdout contains survived
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
  if (fork() == 0) { pause(); _exit(0); }
  kill(-1, SIGKILL);
  kill(1, SIGKILL);
  puts("survived");
  return 0;
}
