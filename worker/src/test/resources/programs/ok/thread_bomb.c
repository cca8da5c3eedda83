// Threads until the task limit says no: contained by the cgroup's pids.max.
// expect: stdout contains stopped at
// expect: pids at most 32
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *sleeper(void *arg) { (void)arg; for (;;) pause(); return NULL; }
int main(void) {
  int n = 0;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 65536);
  for (;;) {
    pthread_t t;
    if (pthread_create(&t, &attr, sleeper, NULL) != 0) break;
    n++;
    if (n > 100000) { puts("ESCAPED: no task limit"); break; }
  }
  printf("stopped at %d threads\n", n);
  fflush(stdout);
  _exit(0);
}
