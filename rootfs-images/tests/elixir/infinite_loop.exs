defmodule Loop do
  def loop(n), do: loop(n + 1)
end

Loop.loop(0)
