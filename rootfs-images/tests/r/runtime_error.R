stop("runtime error")
