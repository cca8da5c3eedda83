// The i386 system call ABI (int 0x80) is another architecture to the filter: killed.
// expect: signal SIGSYS
int main(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");  // getpid on i386
  return (int)ret;
}
