// Standard output and error are pipes: no disk can be reserved through them (fallocate with
// FALLOC_FL_KEEP_SIZE on a host file kept its size, and so the output limit, at 0), they cannot
// be grown or truncated, and they name no host path.
// expect: stdout contains pipes only
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
  for (int fd = 1; fd <= 2; fd++) {
    if (fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 256 << 20) == 0) printf("ESCAPED fallocate %d\n", fd);
    if (fallocate(fd, 0, 0, 256 << 20) == 0) printf("ESCAPED fallocate grow %d\n", fd);
    if (ftruncate(fd, 1 << 30) == 0) printf("ESCAPED ftruncate %d\n", fd);
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) printf("ESCAPED not a pipe %d\n", fd);
    char link[256], path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, link, sizeof link - 1);
    link[n > 0 ? n : 0] = 0;
    if (strncmp(link, "pipe:", 5) != 0) printf("ESCAPED fd %d is %s\n", fd, link);
  }
  printf("pipes only\n");
  return 0;
}
