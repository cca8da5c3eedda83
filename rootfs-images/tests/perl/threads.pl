use threads;

my @threads = map { my $part = $_; threads->create(sub { return $part }) } 1 .. 4;
my $sum = 0;
$sum += $_->join for @threads;
print "$sum\n";
