# Pollard's rho (Brent's cycle detection) after a little trial division:
# plain trial division up to 10^6 would be too slow in Python.
import math
import sys


def rho(n):
    for c in range(1, 100):
        x = y = 2
        q = 1
        g = 1
        r = 1
        while g == 1:
            x = y
            for _ in range(r):
                y = (y * y + c) % n
            k = 0
            while k < r and g == 1:
                ys = y
                for _ in range(min(128, r - k)):
                    y = (y * y + c) % n
                    q = q * abs(x - y) % n
                g = math.gcd(q, n)
                k += 128
            r *= 2
        if g == n:  # overshot: step back one at a time
            g = 1
            while g == 1:
                ys = (ys * ys + c) % n
                g = math.gcd(abs(x - ys), n)
        if 1 < g < n:
            return g
    raise RuntimeError("no factor found")


def main():
    n = int(sys.stdin.read())
    d = next((p for p in range(2, 1000) if n % p == 0), None)
    if d is None:
        d = rho(n)
    a, b = sorted((d, n // d))
    print(a, b)


main()
