local blocks = {}
local i = 0
while true do
  i = i + 1
  blocks[i] = string.rep("x", 1 << 20) .. i
end
