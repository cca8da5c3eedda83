(defun fail (x) (error "runtime error: ~a" x))
(fail 1)
