# validate.py input answer feedback_dir [args] < output: the output must be {{factor.words}} times
# the input. The factor here and the argument test_group.yaml passes are problem.yaml's constant,
# replaced before this runs: if either were not, the argument would not match and the validator
# would fail (exit 1, the judge's error), whatever the submission wrote.
import sys

if sys.argv[4:] != ["factor={{factor}}"]:
    print("unexpected arguments %r" % sys.argv[4:], file=sys.stderr)
    sys.exit(1)
x = int(open(sys.argv[1]).read())
if sys.stdin.read().split() != [str({{factor}} * x)]:
    with open(sys.argv[3] + "judgemessage.txt", "a") as f:
        f.write("not %d times %d\n" % ({{factor}}, x))
    sys.exit(43)
sys.exit(42)
