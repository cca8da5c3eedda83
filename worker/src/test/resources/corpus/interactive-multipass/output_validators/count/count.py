# count.py input answer feedback_dir: sends n, wants n + 1; another pass while n < 3.
import sys

n = int(open(sys.argv[1]).read())
print(n, flush=True)
line = sys.stdin.readline()
try:
    ok = int(line) == n + 1
except ValueError:
    ok = False
if not ok:
    with open(sys.argv[3] + "judgemessage.txt", "a") as f:
        f.write("pass with %d: got %r\n" % (n, line))
    sys.exit(43)
if n < 3:
    with open(sys.argv[3] + "nextpass.in", "w") as f:
        f.write("%d\n" % (n + 1))
sys.exit(42)
