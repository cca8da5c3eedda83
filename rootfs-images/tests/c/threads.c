#include <pthread.h>
#include <stdio.h>

static long parts[4];

static void *work(void *arg) {
  long i = (long)arg;
  parts[i] = i + 1;
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, (void *)i);
  long sum = 0;
  for (int i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    sum += parts[i];
  }
  printf("%ld\n", sum);
  return 0;
}
