# A decoy: the entry point is solve.py (submissions.yaml).
print('not the answer')
