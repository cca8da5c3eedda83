#include <stdio.h>
int main(void) {
  char s[64];
  if (scanf("%63s", s) == 1) puts(s);
  return 0;
}
