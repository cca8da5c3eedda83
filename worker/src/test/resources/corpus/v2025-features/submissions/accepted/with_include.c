#include <stdio.h>
#include "twice.h"
int main(void) {
  long long x;
  if (scanf("%lld", &x) == 1) printf("%lld\n", twice(x));
  return 0;
}
