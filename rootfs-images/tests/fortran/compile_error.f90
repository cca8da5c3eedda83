program broken
  integer :: x
  x = 'not a number'
end program broken
