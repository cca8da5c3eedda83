// A binary whose ELF interpreter does not exist: execve fails (ENOENT). The submission's own
// program cannot start: its fault (RE), not the judge's (IE).
// cflags: -static
// expect: cause EXEC
const char interp[] __attribute__((section(".interp"))) = "/lib/nonexistent-ld.so";
int main(void) { return 0; }
