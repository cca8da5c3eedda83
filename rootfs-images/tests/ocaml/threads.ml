let () =
  let domains = List.init 4 (fun i -> Domain.spawn (fun () -> i + 1)) in
  print_int (List.fold_left (fun acc d -> acc + Domain.join d) 0 domains);
  print_newline ()
