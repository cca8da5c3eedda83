#!/usr/bin/env python2
# Python 2 only: a print statement. Run as Python 3 it would be a syntax error.
import sys
data = map(int, sys.stdin.read().split())
print sum(data[1:])
