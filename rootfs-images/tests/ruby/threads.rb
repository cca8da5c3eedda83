parts = Array.new(4, 0)
threads = (0...4).map { |i| Thread.new { parts[i] = i + 1 } }
threads.each(&:join)
puts parts.sum
