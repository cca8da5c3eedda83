// A child's CPU time counts: the parent only waits.
// expect: cause CPU_TIME
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  if (fork() == 0) { for (volatile unsigned long i = 0;; i++) {} }
  wait(0);
  return 0;
}
