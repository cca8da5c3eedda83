// Two halves of one test of the sandbox: "leave" pins memory in System V shared memory, queues a
// message and leaves a POSIX shared memory file; "look" (the next run, same sandbox) must find
// none of them.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <unistd.h>

#define KEY 0x4a554447
#define SEGMENT (24 << 20)

struct message {
  long type;
  char text[32];
};

static int leave(void) {
  int shm = shmget(KEY, SEGMENT, IPC_CREAT | 0600);
  if (shm < 0) return perror("shmget"), 1;
  char *p = shmat(shm, 0, 0);
  if (p == (void *)-1) return perror("shmat"), 1;
  memset(p, 7, SEGMENT);  // pinned: shared memory outlives its last user until removed
  int q = msgget(KEY, IPC_CREAT | 0600);
  if (q < 0) return perror("msgget"), 1;
  struct message m = {1, "the input of test 1"};
  if (msgsnd(q, &m, sizeof m.text, 0) != 0) return perror("msgsnd"), 1;
  int fd = shm_open("/left", O_CREAT | O_RDWR, 0600);
  if (fd < 0 || ftruncate(fd, 4096) != 0) return perror("shm_open"), 1;
  printf("left\n");
  return 0;
}

static int look(void) {
  int found = 0;
  if (shmget(KEY, 0, 0) >= 0) printf("shared memory segment\n"), found = 1;
  if (msgget(KEY, 0) >= 0) printf("message queue\n"), found = 1;
  if (shm_open("/left", O_RDONLY, 0) >= 0) printf("shm file\n"), found = 1;
  if (!found) printf("clean\n");
  return 0;
}

int main(int argc, char **argv) {
  return argc > 1 && strcmp(argv[1], "leave") == 0 ? leave() : look();
}
