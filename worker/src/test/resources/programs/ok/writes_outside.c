// Nothing outside /tmp and /dev/shm is writable in a test run, /box included.
// expect: stdout contains blocked /etc/passwd
// expect: stdout contains blocked /usr/bin/evil
// expect: stdout contains blocked /box/evil
// expect: stdout contains blocked /evil
// expect: stdout contains blocked /dev/evil
// expect: stdout contains blocked /proc/sys/kernel/hostname
// expect: stdout contains blocked /proc/sysrq-trigger
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
static void try(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0644);
  if (fd >= 0 && write(fd, "x", 1) == 1) printf("ESCAPED: wrote %s\n", path);
  else printf("blocked %s\n", path);
  if (fd >= 0) close(fd);
}
int main(void) {
  const char *paths[] = {"/etc/passwd", "/usr/bin/evil", "/box/evil", "/evil", "/dev/evil",
                         "/proc/sys/kernel/hostname", "/proc/sysrq-trigger"};
  for (unsigned i = 0; i < sizeof paths / sizeof *paths; i++) try(paths[i]);
  return 0;
}
