(import (chezscheme))
(define sum 0)
(define m (make-mutex))
(define done (make-condition))
(define finished 0)
(do ((i 1 (+ i 1))) ((> i 4))
  (let ((part i))
    (fork-thread
      (lambda ()
        (with-mutex m
          (set! sum (+ sum part))
          (set! finished (+ finished 1))
          (condition-signal done))))))
(with-mutex m
  (let wait () (unless (= finished 4) (condition-wait done m) (wait))))
(display sum)
(newline)
