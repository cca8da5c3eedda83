program runtime_error
  ! An integer division by zero the compiler cannot see coming: SIGFPE.
  integer(kind=8) :: a, b
  read (*, *) a, b
  print '(i0)', a / (b - b)
end program runtime_error
