# Leaves at once, reading nothing: the validator then writes to a submission that is gone.
