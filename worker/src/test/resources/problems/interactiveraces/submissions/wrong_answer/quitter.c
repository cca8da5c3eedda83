/* Leaves at once, reading nothing: the validator then writes to a submission that is gone. */
int main(void) { return 0; }
