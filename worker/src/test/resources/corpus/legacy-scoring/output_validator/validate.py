# validate.py input answer feedback_dir < output: score 100 - |guess - secret|, at least 0.
import sys

secret = int(open(sys.argv[1]).read())
try:
    guess = int(sys.stdin.read())
except ValueError:
    with open(sys.argv[3] + "judgemessage.txt", "a") as f:
        f.write("not a number\n")
    sys.exit(43)
with open(sys.argv[3] + "score.txt", "w") as f:
    f.write(str(max(0, 100 - abs(guess - secret))))
sys.exit(42)
