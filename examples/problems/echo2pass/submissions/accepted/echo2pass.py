# Pass 1 (marker 1): print the word reversed. Pass 2 (marker 2): print it as given.
import sys

marker, word = sys.stdin.read().split()
print(word[::-1] if marker == "1" else word)
