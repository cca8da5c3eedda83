"""Input validator for subtasks. n (1..10^4) on the first line, then n
integers with |a_i| <= 10^9 separated by single spaces. With --small
(group 1 and the samples): n <= 10 and |a_i| <= 1000.
Exits 42 when the input is valid, 43 otherwise."""
import re
import sys

INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")


def fail(why):
    print("invalid input: " + why, file=sys.stderr)
    sys.exit(43)


def main():
    small = "--small" in sys.argv[1:]
    max_n, max_a = (10, 1000) if small else (10**4, 10**9)
    try:
        text = sys.stdin.buffer.read().decode("ascii")
    except UnicodeDecodeError:
        fail("not ASCII")
    lines = text.split("\n")
    if len(lines) != 3 or lines[2] != "":
        fail("expected exactly two newline-terminated lines")
    if not re.fullmatch(r"[1-9][0-9]*", lines[0]) or not 1 <= int(lines[0]) <= max_n:
        fail("bad n: %r (at most %d)" % (lines[0][:20], max_n))
    values = lines[1].split(" ")
    if len(values) != int(lines[0]):
        fail("expected %s numbers, found %d" % (lines[0], len(values)))
    for v in values:
        if not INTEGER.fullmatch(v) or v == "-0":
            fail("not an integer: %r" % v[:20])
        if abs(int(v)) > max_a:
            fail("|a_i| > %d: %s" % (max_a, v))
    sys.exit(42)


main()
