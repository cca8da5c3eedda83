// /tmp is writable, fork and wait work, AF_UNIX sockets work.
// expect: stdout contains tmp ok
// expect: stdout contains child ok
// expect: stdout contains unix ok
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  FILE *f = fopen("/tmp/scratch", "w");
  if (f && fputs("data", f) >= 0 && fclose(f) == 0) puts("tmp ok");
  pid_t pid = fork();
  if (pid == 0) _exit(5);
  int status;
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5) puts("child ok");
  int sv[2];
  char buf[4] = {0};
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0 && write(sv[0], "abc", 3) == 3 &&
      read(sv[1], buf, 3) == 3 && strcmp(buf, "abc") == 0)
    puts("unix ok");
  fflush(stdout);
  return 0;
}
