// Command palette commands the extension contributes (the server's own commands are in the shared protocol).
export const PaletteCommands = {
  scanWorkspace: 'lintel.scanWorkspace',
  fixAllSafeProblems: 'lintel.fixAllSafeProblems',
  showRuleDocumentation: 'lintel.showRuleDocumentation',
} as const;
