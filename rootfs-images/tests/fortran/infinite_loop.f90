program infinite_loop
  integer(kind=8), volatile :: n
  n = 0
  do
    n = n + 1
  end do
end program infinite_loop
