program runtime_error
  integer, pointer :: p
  nullify (p)
  p = 1
  print *, p
end program runtime_error
