// 256 MiB touched against a 64 MiB limit: the OOM killer, inside the run's cgroup only.
// expect: cause OOM_KILL
#include <stdlib.h>
#include <string.h>
int main(void) {
  for (int i = 0; i < 256; i++) { char *p = malloc(1 << 20); if (!p) return 1; memset(p, i, 1 << 20); }
  return 0;
}
