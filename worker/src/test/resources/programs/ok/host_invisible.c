// The host's files and processes are out of sight: no /etc/shadow, no /home, no /root, no
// /sys; /proc shows the run only (PID 1 is hidden); the hostname is the sandbox's.
// expect: stdout contains hidden /etc/shadow
// expect: stdout contains hidden /root
// expect: stdout contains hidden /home
// expect: stdout contains hidden /sys/fs/cgroup
// expect: stdout contains hidden /proc/1/environ
// expect: stdout contains processes visible 1
// expect: stdout contains hostname judge
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void look(const char *path) {
  if (access(path, F_OK) == 0) printf("ESCAPED: sees %s\n", path);
  else printf("hidden %s\n", path);
}
int main(void) {
  look("/etc/shadow"); look("/root"); look("/home"); look("/sys/fs/cgroup"); look("/proc/1/environ");
  DIR *d = opendir("/proc");
  int n = 0;
  struct dirent *e;
  while (d && (e = readdir(d))) if (atoi(e->d_name) > 0) n++;
  printf("processes visible %d\n", n);
  char host[64] = {0};
  gethostname(host, sizeof host - 1);
  printf("hostname %s\n", host);
  return 0;
}
