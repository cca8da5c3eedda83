// Allocate forever, in threads too.
// expect: cause OOM_KILL
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
static void *eat(void *arg) { (void)arg; for (;;) { char *p = malloc(1 << 20); if (p) memset(p, 1, 1 << 20); } }
int main(void) { pthread_t t; pthread_create(&t, 0, eat, 0); eat(0); return 0; }
