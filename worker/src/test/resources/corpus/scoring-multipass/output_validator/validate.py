# validate.py input answer feedback_dir < output: the output must be twice the input.
import os
import sys

x = int(open(sys.argv[1]).read())
try:
    y = int(sys.stdin.read())
except ValueError:
    y = None
if y != 2 * x:
    with open(sys.argv[3] + "judgemessage.txt", "a") as f:
        f.write("%d is not twice %d\n" % (y, x) if y is not None else "no number\n")
    sys.exit(43)
passes = sys.argv[3] + "passes"
done = os.path.exists(passes)
open(passes, "a").close()
if not done:
    with open(sys.argv[3] + "nextpass.in", "w") as f:
        f.write("%d\n" % y)
sys.exit(42)
