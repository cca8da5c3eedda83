"""Input validator for echo2pass (first-pass inputs): the line "1", then a
line with 1 to 1000 lowercase letters. Exits 42 when valid, 43 otherwise."""
import re
import sys

try:
    text = sys.stdin.buffer.read().decode("ascii")
except UnicodeDecodeError:
    text = ""
if re.fullmatch(r"1\n[a-z]{1,1000}\n", text):
    sys.exit(42)
print("invalid input: expected \"1\" and a word of 1..1000 letters a-z", file=sys.stderr)
sys.exit(43)
