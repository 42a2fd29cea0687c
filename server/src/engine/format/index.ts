// Report formatters (pure): text, JSON, SARIF 2.1.0 and Markdown, chosen by name.
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { ReportFormat, ReportData } from './types';

export { collectReport, type CollectedReport, type ReportFinding, type ReportError, type ReportSummary } from './collect';
export { formatJson, formatMarkdown, formatSarif, formatText };
export { SARIF_SCHEMA_URI, LINTEL_INFORMATION_URI } from './sarif';
export { REPORT_FORMATS, type ReportFormat, type ReportData } from './types';

export function formatReport(format: ReportFormat, input: ReportData): string {
  switch (format) {
    case 'text': return formatText(input);
    case 'json': return formatJson(input);
    case 'sarif': return formatSarif(input);
    case 'markdown': return formatMarkdown(input);
  }
}
