parent = self()
for i <- 1..4, do: spawn(fn -> send(parent, {:part, i}) end)
sum = Enum.reduce(1..4, 0, fn _, acc -> receive do: ({:part, p} -> acc + p) end)
IO.puts(sum)
