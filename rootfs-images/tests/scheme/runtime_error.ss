(import (chezscheme))
(display (car '()))
