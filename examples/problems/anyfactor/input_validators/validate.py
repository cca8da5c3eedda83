"""Input validator for anyfactor: one line with a composite n, 4 <= n <= 10^12.
Exits 42 when the input is valid, 43 otherwise."""
import re
import sys


def fail(why):
    print("invalid input: " + why, file=sys.stderr)
    sys.exit(43)


def main():
    try:
        text = sys.stdin.buffer.read().decode("ascii")
    except UnicodeDecodeError:
        fail("not ASCII")
    if not re.fullmatch(r"[1-9][0-9]*\n", text):
        fail("expected one line with a positive integer")
    n = int(text)
    if not 4 <= n <= 10**12:
        fail("n out of range: %d" % n)
    # Trial division up to 10^6 settles compositeness for n <= 10^12.
    d = 2
    while d * d <= n:
        if n % d == 0:
            sys.exit(42)
        d += 1
    fail("n is prime: %d" % n)


main()
