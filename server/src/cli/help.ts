// Help texts for `lintel --help` and `lintel <command> --help`.

export const MAIN_HELP = `Lintel: infrastructure best-practice linter (Kubernetes manifests).

Usage:
  lintel scan [paths...] [options]    check files and folders (default: .)
  lintel fix [paths...] [--dry-run]   apply the safe fixes
  lintel rules [--format json|markdown]
  lintel --help | --version

Run "lintel <command> --help" for the options of a command.

Exit codes:
  0  nothing at or above the fail level (scan), or success
  1  findings at or above the fail level (scan --fail-on, default: error)
  2  usage error (unknown option, missing file) or internal error
`;

export const SCAN_HELP = `Usage: lintel scan [paths...] [options]

Checks YAML and JSON files under the given files and folders (default: the current folder).
Folders .git, node_modules and .terraform are skipped. "-" reads a manifest from standard input.
Each file follows the nearest .lintel.yaml above it (its rules and ignorePaths) unless --config is given.

Options:
  -f, --format FORMAT    text (default), json, sarif or markdown
  -o, --output FILE      write the report to FILE instead of standard output
  -c, --config FILE      use this configuration for every file
      --fail-on LEVEL    error (default), warning, info or never: exit 1 when a finding
                         is at or above LEVEL. A file that cannot be checked (binary,
                         too large, not UTF-8, invalid configuration) counts as an error.
      --no-color         plain text output (also when NO_COLOR is set or output is not a terminal)
  -h, --help             show this help

Formats:
  text      "path:line:col severity message [rule-id]" grouped by file, then a summary line
  json      { version, findings: [{ ruleId, severity, message, file, line, column, endLine,
            endColumn, fixable }], errors: [{ file, message }], summary }. Lines and columns
            are 1-based (UTF-16 code units, end column exclusive); paths are relative to the
            current folder; fixable means lintel fix can fix it.
  sarif     SARIF 2.1.0 (rules with documentation links; unreadable files as notifications)
  markdown  a report: totals by severity and theme, and a table of findings
`;

export const FIX_HELP = `Usage: lintel fix [paths...] [options]

Applies the safe (mechanical) fixes of every finding and writes the files that changed.
Fixes that need a value you must choose are left to the editor's quick fixes.

Options:
      --dry-run          print a unified diff of the changes and write nothing
  -c, --config FILE      use this configuration for every file
  -h, --help             show this help

Exit codes: 0 done (findings without a safe fix may remain: run lintel scan), 2 usage or write error.
`;

export const RULES_HELP = `Usage: lintel rules [--format json|markdown]

Prints the rule catalogue: id, what it checks, theme, default severity, whether it is on by default and fixable.

Options:
  -f, --format FORMAT    markdown (default) or json
  -h, --help             show this help
`;
