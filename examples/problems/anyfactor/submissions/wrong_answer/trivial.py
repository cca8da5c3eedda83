# 1 * n = n, but 1 is not a valid factor.
n = int(input())
print(1, n)
