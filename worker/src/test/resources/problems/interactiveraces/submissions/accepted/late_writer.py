# Answers, waits until the validator has exited (end-of-file on stdin), then writes 4 MiB more.
# Python ignores SIGPIPE: a closed pipe would be a BrokenPipeError here, so a run-time error.
import sys

for line in sys.stdin:
    if line == "hello\n":
        print("hello", flush=True)
        break
    if line == "end\n":
        print("done", flush=True)
        break
for line in sys.stdin:
    pass
junk = "y" * 4095 + "\n"
for _ in range(1024):
    sys.stdout.write(junk)
sys.stdout.flush()
