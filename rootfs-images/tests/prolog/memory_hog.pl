hog(Blocks) :- length(Block, 100000), maplist(=(x), Block), hog([Block|Blocks]).
main :- hog([]).
