let () =
  let values = [| 1; 2; 3 |] in
  print_int values.(10)
