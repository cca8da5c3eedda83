#!/usr/bin/env python3
"""Input validator for aplusb: two integers in [-10^18, 10^18], separated by
spaces, tabs or newlines. Exits 42 when the input is valid, 43 otherwise."""
import re
import sys

LIMIT = 10**18
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")


def fail(why):
    print("invalid input: " + why, file=sys.stderr)
    sys.exit(43)


def main():
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        fail("not ASCII")
    if not text.endswith("\n"):
        fail("the input must end with a newline")
    if set(text) - set("0123456789- \t\n"):
        fail("unexpected character")
    tokens = text.split()
    if len(tokens) != 2:
        fail("expected 2 tokens, found %d" % len(tokens))
    for tok in tokens:
        if not INTEGER.fullmatch(tok) or tok == "-0":
            fail("not a canonical integer: %r" % tok)
        if abs(int(tok)) > LIMIT:
            fail("out of range: %s" % tok)
    sys.exit(42)


main()
