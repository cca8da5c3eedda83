// 96 MiB of read-only data compiled into the binary, read under a 64 MiB limit. Its pages were
// charged to the compile that wrote the file, not to this run's cgroup; what the run maps from its
// own program still counts against its limit.
// expect: cause MEMORY
#include <stdio.h>
static const char big[96 << 20] = {1};
int main(void) {
  unsigned long sum = 0;
  for (unsigned long i = 0; i < sizeof big; i += 4096) sum += ((volatile const char *)big)[i];
  printf("%lu\n", sum);
  return 0;
}
