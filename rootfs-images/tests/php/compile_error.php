<?php
function main( {
  echo "unbalanced";
}
