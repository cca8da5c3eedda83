// The i386 system call ABI (int 0x80) is another architecture to the filter: refused and named.
// A kernel without that ABI faults on the instruction instead: no call was made, the program
// crashed.
// expect: violation getpid (i386 ABI)
// without-ia32: status RE
// without-ia32: signal SIGSEGV
int main(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");  // getpid on i386
  return (int)ret;
}
