# Ignores the pass marker and always reverses: right in pass 1, but in pass 2
# it turns the word back into the original instead of echoing it (fails
# unless the word is a palindrome).
import sys

lines = sys.stdin.read().split()
print(lines[1][::-1])
