(import (chezscheme))
(define (main)
  (display "unbalanced")
