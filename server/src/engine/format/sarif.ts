// SARIF 2.1.0 report: one run, the rule catalogue as tool.driver.rules, file problems as tool execution notifications.
import { ruleDocsUrl } from '../docs/links';
import type { RuleMeta } from '../rule';
import type { Severity } from '../types';
import { collectReport, type ReportError } from './collect';
import type { ReportData } from './types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const LINTEL_INFORMATION_URI = 'https://github.com/lintel-dev/lintel';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(input: ReportData): string {
  const { findings, errors } = collectReport(input);
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const location = (uri: string, file: string) => artifactLocation(uri, file);

  const results = findings.map((f) => {
    let ruleIndex = index.get(f.finding.ruleId);
    if (ruleIndex === undefined) {
      // A finding from a rule outside the catalogue still gets a descriptor, so ruleIndex stays valid.
      ruleIndex = rules.length;
      index.set(f.finding.ruleId, ruleIndex);
      rules.push({ id: f.finding.ruleId, title: f.finding.ruleId, theme: 'metadata', severity: f.finding.severity, enabledByDefault: true, rationale: '', remediation: '', language: 'kubernetes', fixable: false });
    }
    return {
      ruleId: f.finding.ruleId,
      ruleIndex,
      level: LEVEL[f.finding.severity],
      message: { text: f.finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: location(f.finding.uri, f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      }],
      ...(f.fixable ? { properties: { fixable: true } } : {}),
    };
  });

  const notifications = errors.map((e) => notification(e, location));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Lintel',
          version: input.version,
          semanticVersion: input.version,
          informationUri: LINTEL_INFORMATION_URI,
          rules: rules.map(descriptor),
        },
      },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      ...(input.rootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: input.rootUri } } } : {}),
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: RuleMeta) {
  const full = [rule.rationale, rule.remediation].filter(Boolean).join('\n\n');
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: full || rule.title, ...(full ? { markdown: full } : {}) },
    helpUri: ruleDocsUrl(rule.id),
    ...(rule.remediation ? { help: { text: rule.remediation, markdown: rule.remediation } } : {}),
    defaultConfiguration: { enabled: rule.enabledByDefault, level: LEVEL[rule.severity] },
    properties: { tags: [rule.theme] },
  };
}

function notification(e: ReportError, location: (uri: string, file: string) => object) {
  return {
    level: e.error.severity === 'error' ? 'error' : 'warning',
    message: { text: e.error.message },
    locations: [{
      physicalLocation: {
        artifactLocation: location(e.error.uri, e.file),
        ...(e.error.range ? {
          region: {
            startLine: e.error.range.start.line + 1, startColumn: e.error.range.start.character + 1,
            endLine: e.error.range.end.line + 1, endColumn: e.error.range.end.character + 1,
          },
        } : {}),
      },
    }],
  };
}

/** A relative path under %SRCROOT% when the file is below the current folder; otherwise the absolute URI. */
function artifactLocation(uri: string, file: string): { uri: string; uriBaseId?: string } {
  const outside = file.startsWith('../') || file === '..' || file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('<');
  if (outside) return { uri };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `k8s/privileged-container` → `PrivilegedContainer`: SARIF's readable rule name. */
export function pascalName(id: string): string {
  const name = id.slice(id.indexOf('/') + 1);
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
