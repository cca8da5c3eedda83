raise "runtime error"
