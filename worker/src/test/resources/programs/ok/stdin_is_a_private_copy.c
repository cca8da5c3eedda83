// Standard input is a sealed private copy: reopening it through /proc/self/fd/0 for writing
// reaches nothing (the harness checks the world-writable host file is unchanged), and its name is
// no host path. It still reads, seeks and maps like a file.
// stdin: 20 22
// expect: stdout contains sum 42
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
int main(void) {
  char link[256];
  ssize_t n = readlink("/proc/self/fd/0", link, sizeof link - 1);
  link[n > 0 ? n : 0] = 0;
  if (strncmp(link, "/memfd:", 7) != 0) printf("ESCAPED stdin is %s\n", link);
  int w = open("/proc/self/fd/0", O_WRONLY);
  if (w >= 0 && write(w, "ESCAPED", 7) > 0) printf("ESCAPED wrote through /proc/self/fd/0\n");
  if (write(0, "x", 1) > 0) printf("ESCAPED wrote to stdin\n");
  if (mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0, 0) != MAP_FAILED)
    printf("ESCAPED mapped stdin writable\n");
  char *m = mmap(0, 4096, PROT_READ, MAP_PRIVATE, 0, 0);
  if (m == MAP_FAILED || m[0] != '2') printf("cannot map stdin\n");
  int a, b;
  lseek(0, 0, SEEK_SET);
  if (scanf("%d %d", &a, &b) == 2) printf("sum %d\n", a + b);
  return 0;
}
