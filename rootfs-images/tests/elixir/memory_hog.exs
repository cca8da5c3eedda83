defmodule Hog do
  def hog(blocks), do: hog([:binary.copy(<<1>>, 1_048_576) | blocks])
end

Hog.hog([])
