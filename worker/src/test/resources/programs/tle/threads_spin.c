// CPU time is the whole tree's: two spinning threads reach the limit in half the wall time.
// expect: cause CPU_TIME
#include <pthread.h>
static void *spin(void *arg) { (void)arg; for (volatile unsigned long i = 0;; i++) {} return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, spin, 0); spin(0); return 0; }
