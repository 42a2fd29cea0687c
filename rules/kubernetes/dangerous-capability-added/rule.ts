// Flags containers that add a dangerous Linux capability (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ALL, ...) in capabilities.add.
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { capabilitiesSetting, capabilityList, isPrivileged, normalizeCapability } from '../_lib/securityContext';

/** What each default capability hands the process, for the message. */
const WHY: Record<string, string> = {
  ALL: 'every capability, close to a privileged container',
  SYS_ADMIN: 'mounts, namespaces and many kernel interfaces; it is close to root on the node',
  NET_ADMIN: 'control of interfaces, routes and firewall rules of its network namespace',
  NET_RAW: 'raw sockets, enough to spoof packets on the node\'s network',
  SYS_PTRACE: 'tracing and reading the memory of other processes it can see',
  SYS_MODULE: 'loading kernel modules, that is full control of the node',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: 'setting the node\'s clock',
  DAC_READ_SEARCH: 'reading any file regardless of permissions, a known container escape',
  BPF: 'loading BPF programs into the kernel',
  PERFMON: 'kernel performance monitoring, which exposes other processes',
  MAC_ADMIN: 'changing the AppArmor or SELinux configuration',
  MAC_OVERRIDE: 'bypassing AppArmor or SELinux',
  SYSLOG: 'reading the kernel log, with kernel addresses',
};

export default defineRule({
  id: 'k8s/dangerous-capability-added',
  title: 'Containers do not add dangerous Linux capabilities',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['checkov:CKV_K8S_25', 'checkov:CKV_K8S_39', 'polaris:dangerousCapabilities', 'trivy:KSV005', 'trivy:KSV022', 'trivy:KSV120'],
  rationale:
    'Some Linux capabilities give a container powers over the whole node rather than over its own processes: `SYS_ADMIN` ' +
    '(mounts, namespaces; close to root), `SYS_MODULE` (kernel modules), `SYS_PTRACE` (other processes\' memory), ' +
    '`DAC_READ_SEARCH` (any file; a known escape), `NET_ADMIN` and `NET_RAW` (network configuration, packet spoofing), ' +
    '`BPF` and `PERFMON` (kernel programs and tracing), `SYS_RAWIO`, `SYS_BOOT`, `SYS_TIME`, `MAC_ADMIN`, `MAC_OVERRIDE`, ' +
    '`SYSLOG`, and `ALL`. The baseline Pod Security Standard forbids adding any capability outside the runtime\'s default set.\n\n' +
    'The list is the `capabilities` option; names are compared in upper case, with or without a `CAP_` prefix. There is no ' +
    'automatic fix: removing a capability the workload really needs (a CNI plugin, a VPN) breaks it, so such workloads should be ' +
    'exempted explicitly. Privileged containers are left to `k8s/privileged-container`.',
  remediation: 'Remove the capability from `securityContext.capabilities.add`, or exempt the few workloads that truly need it.',
  options: {
    capabilities: ['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'NET_RAW', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG'] as string[],
  },
  optionsSchema: {
    type: 'object',
    properties: {
      capabilities: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Capabilities reported when added (upper case, with or without `CAP_`).' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const dangerous = new Set((ctx.options.capabilities ?? []).map(normalizeCapability));
    for (const c of ctx.object.containers) {
      if (isPrivileged(c, ctx.doc)) continue;
      const add = capabilitiesSetting(c, 'add', ctx.doc);
      if (add.state !== 'set') continue;
      const list = capabilityList(add.node, ctx.doc);
      for (const item of list?.items ?? []) {
        const cap = normalizeCapability(item.name);
        if (!dangerous.has(cap)) continue;
        const why = WHY[cap];
        ctx.report({
          node: item.node,
          message: `${upperFirst(containerLabel(c))} adds the ${cap} capability${why ? `, which grants ${why}` : ''}.`,
        });
      }
    }
  },
});
