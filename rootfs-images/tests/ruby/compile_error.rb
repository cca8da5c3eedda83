def main(
  puts "unbalanced"
