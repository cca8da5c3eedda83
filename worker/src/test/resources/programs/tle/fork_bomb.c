// A fork bomb: pids.max stops it, the CPU limit ends it.
// expect: pids at most 32
#include <unistd.h>
int main(void) { for (;;) fork(); }
