local values = nil
print(values.length)
