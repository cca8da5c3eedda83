-module(main).
-export([main/0]).

loop(N) -> loop(N + 1).

main() -> loop(0).
