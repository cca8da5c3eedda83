#!/usr/bin/env python3
"""Input validator for floatsum: n (1..1000) on the first line, then n reals in
[-1000, 1000] with at most 6 decimals, separated by single spaces.
Exits 42 when the input is valid, 43 otherwise."""
import re
import sys
from fractions import Fraction

INTEGER = re.compile(r"[1-9][0-9]*")
REAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]{1,6})?")


def fail(why):
    print("invalid input: " + why, file=sys.stderr)
    sys.exit(43)


def main():
    try:
        text = sys.stdin.buffer.read().decode("ascii")
    except UnicodeDecodeError:
        fail("not ASCII")
    lines = text.split("\n")
    if len(lines) != 3 or lines[2] != "":
        fail("expected exactly two newline-terminated lines")
    if not INTEGER.fullmatch(lines[0]) or not 1 <= int(lines[0]) <= 1000:
        fail("bad n: %r" % lines[0][:20])
    n = int(lines[0])
    values = lines[1].split(" ")
    if len(values) != n:
        fail("expected %d numbers, found %d" % (n, len(values)))
    for v in values:
        if not REAL.fullmatch(v) or v == "-0":
            fail("not a real number in the expected format: %r" % v[:20])
        if abs(Fraction(v)) > 1000:
            fail("out of range: %s" % v)
    sys.exit(42)


main()
