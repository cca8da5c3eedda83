// abort() reaches the program (it is never PID 1, which would swallow SIGABRT).
// expect: signal SIGABRT
#include <stdlib.h>
int main(void) { abort(); }
