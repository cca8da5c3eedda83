# Subtracts instead of adding: right only when b = 0.
import sys

a, b = map(int, sys.stdin.read().split())
print(a - b)
