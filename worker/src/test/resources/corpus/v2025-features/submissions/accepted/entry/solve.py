import helper

print(helper.double(int(input())))
