(import (chezscheme))
(display "Hello, World!")
(newline)
