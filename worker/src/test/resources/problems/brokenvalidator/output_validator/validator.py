# A validator that crashes: every judging must be IE, never the team's fault.
import sys
raise SystemExit(sys.argv[99])
