blocks <- list()
i <- 0
repeat {
  i <- i + 1
  blocks[[i]] <- rep(1.5, 131072)
}
