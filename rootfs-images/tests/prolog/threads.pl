main :-
    message_queue_create(Queue),
    findall(Id, (between(1, 4, I), thread_create(thread_send_message(Queue, I), Id, [])), Ids),
    maplist(thread_join, Ids),
    findall(X, (between(1, 4, _), thread_get_message(Queue, X)), Parts),
    sum_list(Parts, Sum),
    write(Sum), nl.
