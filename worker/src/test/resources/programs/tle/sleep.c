// A sleeper spends no CPU: the wall limit catches it.
// expect: cause WALL_TIME
#include <unistd.h>
int main(void) { sleep(1000); return 0; }
