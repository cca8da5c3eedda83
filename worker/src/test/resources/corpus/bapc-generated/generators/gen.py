# gen.py seed scale: two random integers of at most scale digits.
import random
import sys

random.seed(int(sys.argv[1]))
top = 10 ** int(sys.argv[2])
print(random.randint(-top, top), random.randint(-top, top))
