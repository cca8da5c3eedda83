program threads
  use omp_lib
  integer :: i, total
  total = 0
  call omp_set_num_threads(4)
!$omp parallel do reduction(+:total)
  do i = 1, 4
    total = total + i
  end do
!$omp end parallel do
  print '(i0)', total
end program threads
