main :- write('unbalanced'.
