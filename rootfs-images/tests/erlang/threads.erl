-module(main).
-export([main/0]).

main() ->
    Parent = self(),
    [spawn(fun() -> Parent ! {part, I} end) || I <- lists:seq(1, 4)],
    Sum = lists:sum([receive {part, P} -> P end || _ <- lists:seq(1, 4)]),
    io:format("~B~n", [Sum]).
