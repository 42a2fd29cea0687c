// Errors that end the CLI with exit code 2: a usage error (with a pointer to --help) or another clear failure.

/** A failure the user can act on (a file that cannot be written); printed without a stack trace. */
export class CliError extends Error {}

/** The command line itself is wrong (unknown option, bad value, missing file). */
export class UsageError extends CliError {}
