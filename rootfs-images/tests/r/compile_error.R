f <- function( {
  cat("unbalanced\n")
}
