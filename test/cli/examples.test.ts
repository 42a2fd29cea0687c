// The bundled example workspace: `lintel scan examples` reports real findings and no file problems.
import assert from 'node:assert/strict';
import { json, lintel } from './cli';

describe('example workspace', () => {
  it('lintel scan examples finds problems at several severities and reads every file', () => {
    const r = lintel(['scan', 'examples', '--format', 'json']);
    const doc = json(r);
    assert.equal(r.code, 1, 'the examples contain at least one error-level finding');
    assert.deepEqual(doc.errors, []);
    assert.ok(doc.findings.length >= 5, `${doc.findings.length} findings`);
    assert.ok(new Set(doc.findings.map((f) => f.file)).size >= 3, 'findings in several files');
    assert.ok(doc.findings.some((f) => f.severity === 'error') && doc.findings.some((f) => f.severity === 'warning'));
    assert.ok(doc.findings.every((f) => f.file.startsWith('examples/')));
  });

  it('prints readable text by default', () => {
    const r = lintel(['scan', 'examples']);
    assert.match(r.stdout, /^examples\/\S+\.yaml:\d+:\d+ (error|warning|info) .+ \[k8s\/[a-z-]+\]$/m);
    assert.match(r.stdout, /\d+ findings \(\d+ errors?, \d+ warnings?, \d+ info\) in \d+ files\./);
  });
});
