program Threads;
{$mode objfpc}
uses
  cthreads, Classes;

type
  TPart = class(TThread)
    Part: integer;
    procedure Execute; override;
  end;

var
  parts: array[1..4] of integer;
  workers: array[1..4] of TPart;
  i, sum: integer;

procedure TPart.Execute;
begin
  parts[Part] := Part;
end;

begin
  for i := 1 to 4 do
  begin
    workers[i] := TPart.Create(true);
    workers[i].Part := i;
    workers[i].Start;
  end;
  sum := 0;
  for i := 1 to 4 do
  begin
    workers[i].WaitFor;
    sum := sum + parts[i];
    workers[i].Free;
  end;
  writeln(sum);
end.
