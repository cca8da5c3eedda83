if true; then
  echo "unterminated"
