# Answers and at once writes 4 MiB more, racing the validator's exit.
import sys

for line in sys.stdin:
    if line == "hello\n":
        reply = "hello\n"
        break
    if line == "end\n":
        reply = "done\n"
        break
sys.stdout.write(reply + ("z" * 4095 + "\n") * 1024)
sys.stdout.flush()
