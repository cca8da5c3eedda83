// A signal the program raises itself after a millisecond of CPU: no limit was reached and no
// forbidden call made, so a runtime error, not the verdict the signal usually means.
// expect: signal SIGXFSZ
#include <signal.h>
#include <time.h>
int main(void) {
  volatile unsigned long x = 0;
  while (clock() < CLOCKS_PER_SEC / 1000) x++;
  raise(SIGXFSZ);
  return 0;
}
