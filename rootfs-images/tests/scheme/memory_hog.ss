(import (chezscheme))
(let loop ((blocks '()))
  (loop (cons (make-bytevector (* 1024 1024) 1) blocks)))
