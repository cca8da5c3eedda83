-module(main).
-export([main/0]).

main() -> io:format("~p~n", [lists:nth(10, [1, 2, 3])]).
