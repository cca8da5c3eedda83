from helper import double

print(double(int(input())))
