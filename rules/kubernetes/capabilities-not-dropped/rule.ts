// Flags containers that keep the runtime's default Linux capabilities: capabilities.drop does not include ALL.
import { asSeq, defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { aliasOnPath, capabilitiesSetting, capabilityList, isPrivileged, isWindowsPod, normalizeCapability, sharedOnPath } from '../_lib/securityContext';

export default defineRule({
  id: 'k8s/capabilities-not-dropped',
  title: 'Containers drop all Linux capabilities',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['checkov:CKV_K8S_37', 'polaris:insecureCapabilities', 'trivy:KSV003'],
  rationale:
    'Container runtimes grant a default set of Linux capabilities (among them `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `SETUID`, ' +
    '`SETGID`, `NET_RAW` with some runtimes, `MKNOD`) whether or not the process needs them; `NET_RAW` alone allows packet ' +
    'spoofing on the node\'s network. Dropping `ALL` and adding back only what the process uses (often nothing, sometimes ' +
    '`NET_BIND_SERVICE`) removes that surface; the restricted Pod Security Standard requires it. Capabilities added with ' +
    '`capabilities.add` are applied after the drop, so `drop: [ALL]` never removes what is added explicitly.\n\n' +
    'The fix adds `ALL` to the existing `drop` list or creates it. Privileged containers are skipped (they get every capability ' +
    'regardless; `k8s/privileged-container` reports them), and so are Windows pods, where capabilities do not apply.',
  remediation: 'Set `securityContext.capabilities.drop: [ALL]` and add back only the capabilities the process needs.',
  check(ctx) {
    if (isWindowsPod(ctx.object)) return;
    for (const c of ctx.object.containers) {
      if (isPrivileged(c, ctx.doc)) continue;
      const drop = capabilitiesSetting(c, 'drop', ctx.doc);
      if (drop.state === 'unknown') continue;
      const alias = aliasOnPath(c.map, ['securityContext', 'capabilities', 'drop'], ctx.doc);
      const editable = !sharedOnPath(c.map, ['securityContext', 'capabilities', 'drop'], ctx.doc);
      if (drop.state === 'set') {
        const list = capabilityList(drop.node, ctx.doc);
        const seq = asSeq(drop.node, ctx.doc);
        if (!list || !seq) continue;
        if (list.items.some((i) => normalizeCapability(i.name) === 'ALL')) continue;
        if (!list.complete) continue;
        ctx.report({
          node: alias ?? drop.pair,
          message: `${upperFirst(containerLabel(c))} drops only some capabilities: its capabilities.drop list does not include ALL.`,
          fix: editable ? ctx.fix('Add ALL to capabilities.drop', true, ctx.edit.appendToSeq(seq, 'ALL')) : undefined,
        });
        continue;
      }
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} keeps the runtime's default capabilities: securityContext.capabilities.drop does not include ALL.`,
        fix: editable ? ctx.fix('Drop all capabilities', true, ctx.edit.setIn(c.map, ['securityContext', 'capabilities', 'drop'], ['ALL'])) : undefined,
      });
    }
  },
});
