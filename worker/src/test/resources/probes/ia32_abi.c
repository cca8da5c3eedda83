// Whether this kernel offers the i386 system-call ABI to a 64-bit process: getpid through
// int 0x80. Exits 0 when it answered with our pid; a kernel without the ABI (ia32_emulation=0,
// some VM kernels) turns the instruction into SIGSEGV. Harmless: getpid is all it asks.
#include <unistd.h>
int main(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
  return ret == getpid() ? 0 : 1;
}
