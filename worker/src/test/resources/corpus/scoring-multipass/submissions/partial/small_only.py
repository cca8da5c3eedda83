x = int(input())
print(2 * x if x < 100 else x)
