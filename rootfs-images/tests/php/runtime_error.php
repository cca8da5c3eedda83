<?php
function fail(): int {
  throw new RuntimeException("uncaught");
}
echo fail(), "\n";
