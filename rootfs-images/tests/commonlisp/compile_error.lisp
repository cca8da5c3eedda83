(defun main ()
  (format t "unbalanced~%")
