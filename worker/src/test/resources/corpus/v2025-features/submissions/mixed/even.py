x = int(input())
print(2 * x if x % 2 == 0 else x)
