def twice(x):
    return {{factor}} * x
