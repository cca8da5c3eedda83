program memory_hog
  type block
    integer(kind=1), allocatable :: bytes(:)
  end type block
  type(block), allocatable :: blocks(:)
  integer :: i
  allocate (blocks(100000))
  do i = 1, size(blocks)
    allocate (blocks(i)%bytes(1048576))
    blocks(i)%bytes = 1
  end do
  print *, size(blocks)
end program memory_hog
