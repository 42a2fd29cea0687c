// Rendering inserted YAML: block, flow and scalar text, and the cache of block renderings.
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { renderBlock, renderFlow, renderScalar } from '../../server/src/engine/edit/yamlRender';

describe('YAML rendering', () => {
  const opts = { step: 2, indentSeq: true };

  it('renders block YAML as the yaml library does, without the final line break', () => {
    const value = { securityContext: { capabilities: { drop: ['ALL'] }, runAsUser: 1000, name: 'a: b' } };
    assert.equal(renderBlock(value, opts), stringify(value, { indent: 2, indentSeq: true, lineWidth: 0 }).replace(/\n$/, ''));
  });

  it('gives the same text for a repeated value and tells apart types, order and layout', () => {
    const a = renderBlock({ limits: { cpu: '1', memory: 1 } }, opts);
    assert.equal(renderBlock({ limits: { cpu: '1', memory: 1 } }, opts), a);
    assert.equal(a, 'limits:\n  cpu: "1"\n  memory: 1');
    assert.equal(renderBlock({ limits: { cpu: 1, memory: 1 } }, opts), 'limits:\n  cpu: 1\n  memory: 1');
    assert.equal(renderBlock({ limits: { memory: 1, cpu: '1' } }, opts), 'limits:\n  memory: 1\n  cpu: "1"');
    assert.equal(renderBlock({ l: ['x'] }, { step: 4, indentSeq: true }), 'l:\n    - x');
    assert.equal(renderBlock({ l: ['x'] }, { step: 2, indentSeq: false }), 'l:\n- x');
    assert.equal(renderBlock({ l: ['x'] }, opts), 'l:\n  - x');
  });

  it('renders values JSON cannot key exactly (never mixed up with a cached look-alike)', () => {
    assert.equal(renderBlock({ a: null }, opts), 'a: null');
    assert.equal(renderBlock({ a: Number.NaN }, opts), 'a: .nan');
    assert.equal(renderBlock({ a: [undefined] }, opts), stringify({ a: [undefined] }, { indent: 2, lineWidth: 0 }).replace(/\n$/, ''));
  });

  it('renders flow and scalar text', () => {
    assert.equal(renderFlow({ a: [1, 'x y'], b: { c: true } }), '{ a: [1, x y], b: { c: true } }');
    assert.equal(renderScalar('8080'), '"8080"');
    assert.equal(renderScalar(true), 'true');
  });

  it('quotes strings that Kubernetes\' YAML 1.1 reader would take for booleans or numbers', () => {
    for (const word of ['yes', 'No', 'on', 'OFF', 'y', 'n', '1_000', '0b101', '0x1F', '012']) {
      assert.equal(renderScalar(word), JSON.stringify(word), word);
    }
    assert.equal(renderBlock({ labels: { canary: 'on', tier: 'web' } }, opts), 'labels:\n  canary: "on"\n  tier: web');
  });
});
