(let* ((threads (loop for i from 1 to 4
                      collect (let ((part i))
                                (sb-thread:make-thread (lambda () part)))))
       (sum (reduce #'+ (mapcar #'sb-thread:join-thread threads))))
  (format t "~a~%" sum))
