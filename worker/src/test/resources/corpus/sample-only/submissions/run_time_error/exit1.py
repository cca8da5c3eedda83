# @EXPECTED_RESULTS@: RUN-ERROR
print("Hello world!")
raise SystemExit(1)
