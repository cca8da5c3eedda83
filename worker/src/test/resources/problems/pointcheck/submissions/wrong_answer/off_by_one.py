n = int(input())
print(*range(0, n))
