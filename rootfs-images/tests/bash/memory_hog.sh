# A 400 MB string, made in one piece by printf.
printf -v s '%*s' 400000000 ''
echo "${#s}"
