#!/usr/bin/env python3
# Prints the average in scientific notation with Python's default 6 digits
# after the point (e.g. 1.234560e+02): relative error at most 5e-7, inside
# the 1e-6 tolerance.
import sys

tokens = sys.stdin.read().split()
n = int(tokens[0])
values = [float(t) for t in tokens[1 : n + 1]]
print(f"{sum(values) / n:e}")
