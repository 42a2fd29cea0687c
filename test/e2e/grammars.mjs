// Tokenizes sample text with Lintel's TextMate grammars (and VS Code's own YAML grammar) and checks the scopes.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Loads vscode-textmate and vscode-oniguruma from the code-server install in .e2e/. */
async function loadTextmate(vscodeDir) {
  const req = createRequire(join(vscodeDir, 'package.json'));
  const tm = req('vscode-textmate');
  const onig = req('vscode-oniguruma');
  const wasm = readFileSync(join(vscodeDir, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return { tm, onig };
}

/** Builds a registry knowing VS Code's YAML grammars and every grammar contributed by package.json. */
function makeRegistry({ tm, onig }, root, vscodeDir) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = new Map();
  const yamlDir = join(vscodeDir, 'extensions/yaml/syntaxes');
  for (const f of readdirSync(yamlDir)) {
    const g = JSON.parse(readFileSync(join(yamlDir, f), 'utf8'));
    files.set(g.scopeName, join(yamlDir, f));
  }
  const injections = new Map();
  for (const g of pkg.contributes?.grammars ?? []) {
    files.set(g.scopeName, join(root, g.path));
    for (const target of g.injectTo ?? []) {
      injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
    }
  }
  return new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new onig.OnigScanner(p),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = files.get(scope);
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => injections.get(scope),
  });
}

/** Returns [{ text, scopes }] for every token of every line. */
function tokenize(tm, grammar, text) {
  let state = tm.INITIAL;
  const out = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

/** The checks: each is [name, scopeName, text, [[tokenText, scopeThatMustBeThere], ...]]. */
const CASES = [
  ['suppression comment in YAML', 'source.yaml',
    'metadata:\n  name: web # lintel:ignore k8s/privileged-container,k8s/run-as-root -- needed by the CNI\n',
    [['lintel:ignore', 'keyword.control.directive.suppression.lintel'],
      ['k8s/privileged-container', 'entity.name.tag.rule-id.lintel'],
      ['k8s/run-as-root', 'entity.name.tag.rule-id.lintel'],
      ['--', 'punctuation.separator.reason.lintel'],
      ['needed by the CNI', 'string.unquoted.reason.lintel']]],
  ['file suppression in YAML', 'source.yaml',
    '# lintel:ignore-file k8s/container-missing-liveness-probe\napiVersion: v1\n',
    [['lintel:ignore-file', 'keyword.control.directive.suppression.file.lintel'],
      ['k8s/container-missing-liveness-probe', 'entity.name.tag.rule-id.lintel']]],
  ['ordinary YAML comment untouched', 'source.yaml',
    '# see lintel:ignore in the docs\nkind: Pod\n',
    [['# see lintel:ignore in the docs', '!keyword.control.directive.suppression.lintel']]],
  ['suppression text inside a YAML string untouched', 'source.yaml',
    'note: "# lintel:ignore k8s/x"\n',
    [['lintel:ignore', '!keyword.control.directive.suppression.lintel']]],
  ['suppression comment in Terraform', 'source.terraform',
    'resource "aws_s3_bucket" "b" { # lintel:ignore aws/s3-bucket-versioning-disabled -- logs bucket\n}\n',
    [['lintel:ignore', 'keyword.control.directive.suppression.lintel'],
      ['aws/s3-bucket-versioning-disabled', 'entity.name.tag.rule-id.lintel']]],
  ['Terraform blocks, attributes and literals', 'source.terraform',
    [
      '// provider-neutral settings',
      'resource "aws_s3_bucket" "logs" {',
      '  bucket        = "logs-${var.env}-${local.suffix}"',
      '  force_destroy = false',
      '  count         = 3',
      '  ratio         = 1.5e3',
      '  tags = merge(local.tags, { Name = "logs", team: "ops" })',
      '  lifecycle {',
      '    prevent_destroy = true',
      '  }',
      '  ids = [for s in var.subnets : s.id if s.public]',
      '  names = var.subnets[*].name',
      '  policy = <<-EOT',
      '    {"bucket": "${self.id}"}',
      '  EOT',
      '  ok = var.a == null ? "x" : "y" /* inline */',
      '}',
    ].join('\n'),
    [['provider-neutral settings', 'comment.line.double-slash.terraform'],
      ['resource', 'storage.type.block.terraform'],
      ['aws_s3_bucket', 'entity.name.label.terraform'],
      ['logs', 'entity.name.label.terraform'],
      ['bucket', 'variable.other.property.terraform'],
      ['${', 'punctuation.section.interpolation.begin.terraform'],
      ['var', 'variable.language.terraform'],
      ['env', 'variable.other.member.terraform'],
      ['false', 'constant.language.boolean.terraform'],
      ['3', 'constant.numeric.terraform'],
      ['1.5e3', 'constant.numeric.terraform'],
      ['[*]', 'keyword.operator.splat.terraform'],
      ['merge', 'support.function.terraform'],
      ['Name', 'variable.other.property.key.terraform'],
      ['team', 'variable.other.property.key.terraform'],
      ['lifecycle', 'entity.name.type.block.terraform'],
      ['true', 'constant.language.boolean.terraform'],
      ['for', 'keyword.control.terraform'],
      ['if', 'keyword.control.terraform'],
      ['<<-', 'keyword.operator.heredoc.terraform'],
      ['self', 'variable.language.terraform'],
      ['EOT', 'keyword.control.heredoc-token.terraform'],
      ['==', 'keyword.operator.comparison.terraform'],
      ['null', 'constant.language.null.terraform'],
      ['?', 'keyword.operator.ternary.terraform'],
      ['inline', 'comment.block.terraform'],
      ['}', 'punctuation.section.block.end.terraform']]],
  ['tfvars file', 'source.terraform',
    'region = "eu-west-1" # main region\nzones  = ["a", "b"]\nsize   = -2\n',
    [['region', 'variable.other.property.terraform'],
      ['eu-west-1', 'string.quoted.double.terraform'],
      ['main region', 'comment.line.number-sign.terraform'],
      ['a', 'string.quoted.double.terraform'],
      ['-', 'keyword.operator.arithmetic.terraform'],
      ['2', 'constant.numeric.terraform']]],
];

/** Runs every case; returns [{ name, ok, detail }]. */
export async function runGrammarChecks(root, vscodeDir) {
  const lib = await loadTextmate(vscodeDir);
  const registry = makeRegistry(lib, root, vscodeDir);
  const results = [];
  for (const [name, scope, text, expectations] of CASES) {
    const grammar = await registry.loadGrammar(scope);
    if (!grammar) { results.push({ name, ok: false, detail: `grammar ${scope} not found` }); continue; }
    const tokens = tokenize(lib.tm, grammar, text);
    const problems = [];
    for (const [tokenText, want] of expectations) {
      const negate = want.startsWith('!');
      const scopeName = negate ? want.slice(1) : want;
      // A token matches when its text equals the expected text (ignoring surrounding blanks) or contains it.
      const found = tokens.filter((t) => t.text.trim() === tokenText).concat(
        negate ? tokens.filter((t) => t.text.includes(tokenText)) : []);
      const hit = found.some((t) => t.scopes.includes(scopeName));
      if (!negate && !hit) {
        problems.push(`'${tokenText}' lacks ${scopeName}: ${JSON.stringify(found.map((t) => t.scopes.slice(1)))}`);
      }
      if (negate && hit) problems.push(`'${tokenText}' wrongly has ${scopeName}`);
    }
    results.push({ name, ok: problems.length === 0, detail: problems.join('; ') });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../..', import.meta.url).pathname;
  const tools = JSON.parse(readFileSync(join(root, '.e2e/tools.json'), 'utf8'));
  const vscodeDir = join(tools.codeServerEntry, '../../../lib/vscode');
  const results = await runGrammarChecks(root, vscodeDir);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail ? `: ${r.detail}` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
