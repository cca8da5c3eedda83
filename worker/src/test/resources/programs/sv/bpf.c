// expect: violation bpf
#include <sys/syscall.h>
#include <unistd.h>
int main(void) { syscall(SYS_bpf, 0, 0, 0); return 0; }
