program Broken;
var
  x: integer;
begin
  x := 'not a number';
end.
