"""Input validator for guess: one line with the secret x, 1 <= x <= 10^9.
Exits 42 when the input is valid, 43 otherwise."""
import re
import sys

try:
    text = sys.stdin.buffer.read().decode("ascii")
except UnicodeDecodeError:
    text = ""
if re.fullmatch(r"[1-9][0-9]{0,9}\n", text) and 1 <= int(text) <= 10**9:
    sys.exit(42)
print("invalid input: expected one line with an integer in [1, 10^9]", file=sys.stderr)
sys.exit(43)
