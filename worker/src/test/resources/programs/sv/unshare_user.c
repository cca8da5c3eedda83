// A user namespace would give the program capabilities inside it: never.
// expect: violation unshare
#define _GNU_SOURCE
#include <sched.h>
int main(void) { unshare(CLONE_NEWUSER); return 0; }
