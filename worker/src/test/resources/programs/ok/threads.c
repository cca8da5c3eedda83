// Four threads that finish: threads are fine within the task limit.
// expect: stdout contains sum 4000000
#include <pthread.h>
#include <stdio.h>
static long counts[4];
static void *work(void *arg) { long *c = arg; for (int i = 0; i < 1000000; i++) (*c)++; return NULL; }
int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, &counts[i]);
  long sum = 0;
  for (int i = 0; i < 4; i++) { pthread_join(t[i], NULL); sum += counts[i]; }
  printf("sum %ld\n", sum);
  return 0;
}
