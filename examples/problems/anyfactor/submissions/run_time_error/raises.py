# Gives up with an uncaught exception (exit status 1).
n = int(input())
raise ValueError("no factorisation of %d today" % n)
