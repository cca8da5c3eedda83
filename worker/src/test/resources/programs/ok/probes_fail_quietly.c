// Calls a runtime may probe fail with an errno instead of killing the program.
// expect: stdout contains keyctl blocked 38
// expect: stdout contains io_uring blocked 38
// expect: stdout contains clone3 blocked 38
// expect: stdout contains add_key blocked 38
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
  if (syscall(SYS_keyctl, 0, 0, 0, 0, 0) < 0) printf("keyctl blocked %d\n", errno); else puts("ESCAPED: keyctl");
  if (syscall(425 /* io_uring_setup */, 8, NULL) < 0) printf("io_uring blocked %d\n", errno); else puts("ESCAPED: io_uring");
  if (syscall(435 /* clone3 */, NULL, 0) < 0) printf("clone3 blocked %d\n", errno); else puts("ESCAPED: clone3");
  if (syscall(SYS_add_key, "user", "k", "v", 1, 0) < 0) printf("add_key blocked %d\n", errno); else puts("ESCAPED: add_key");
  return 0;
}
