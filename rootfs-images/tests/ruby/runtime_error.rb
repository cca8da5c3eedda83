values = nil
puts values.length
