# The factor is problem.yaml's constant {{factor.words}}, replaced before the code runs.
print({{factor}} * int(input()))
