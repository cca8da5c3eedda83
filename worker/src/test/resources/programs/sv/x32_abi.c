// The x32 ABI (syscall number | 0x40000000) is refused too.
// expect: violation getpid (x32 ABI)
#include <sys/syscall.h>
#include <unistd.h>
int main(void) { syscall(0x40000000 | SYS_getpid); return 0; }
