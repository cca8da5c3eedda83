# Asks one question, reads the reply, then exits with status 3.
import sys

print("? 500000000", flush=True)
input()
sys.exit(3)
