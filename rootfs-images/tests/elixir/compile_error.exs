defmodule Main do
  def main( do
  end
end
