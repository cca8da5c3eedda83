// No capabilities in any set, no way back to root, no_new_privs set, an unprivileged uid.
// expect: stdout contains CapInh:	0000000000000000
// expect: stdout contains CapPrm:	0000000000000000
// expect: stdout contains CapEff:	0000000000000000
// expect: stdout contains CapBnd:	0000000000000000
// expect: stdout contains CapAmb:	0000000000000000
// expect: stdout contains NoNewPrivs:	1
// expect: stdout contains setuid blocked
// expect: stdout contains groups 0
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "Cap", 3) || !strncmp(line, "NoNewPrivs", 10) || !strncmp(line, "Uid", 3)) fputs(line, stdout);
  if (getuid() == 0 || geteuid() == 0) puts("ESCAPED: running as root");
  if (setuid(0) != 0) puts("setuid blocked"); else puts("ESCAPED: setuid(0)");
  printf("groups %d\n", getgroups(0, NULL));
  return 0;
}
