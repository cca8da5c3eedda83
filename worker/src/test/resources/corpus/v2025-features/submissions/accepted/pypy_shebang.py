#!/usr/bin/env pypy3
# A pypy3 shebang is Python 3 (only python2 and a bare pypy are Python 2): run as python3.
print(2 * int(input()))
