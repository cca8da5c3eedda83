x <- scan(file("stdin"), what = numeric(), quiet = TRUE)
cat(format(sum(x), scientific = FALSE), "\n", sep = "")
