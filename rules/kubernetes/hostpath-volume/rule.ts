// Flags pod volumes of type hostPath, which expose a directory or file of the node to the containers.
import { asMap, defineRule, getNode, seqItems, str, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { field } from '../_lib/fields';

/** Node paths whose exposure amounts to control of the node (exact paths). */
const SENSITIVE = ['/', '/etc', '/root', '/boot', '/dev', '/proc', '/sys', '/usr', '/lib', '/lib/modules', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/kubernetes', '/var/run', '/run'];
const SOCKETS = /(docker|containerd|crio|cri-dockerd)\.sock$/;

export default defineRule({
  id: 'k8s/hostpath-volume',
  title: 'Pods do not mount paths of the node (hostPath volumes)',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: [
    'kube-linter:sensitive-host-mounts', 'kube-linter:docker-sock', 'kube-linter:container-runtime-sock', 'kube-linter:writable-host-mount',
    'checkov:CKV_K8S_27', 'trivy:KSV023', 'trivy:KSV006',
  ],
  rationale:
    'A `hostPath` volume gives the pod a directory or file of the node itself. Depending on the path that means reading other ' +
    'pods\' data and secrets (`/var/lib/kubelet`), the node\'s credentials and configuration (`/etc`), or full control of the ' +
    'node through the container runtime\'s socket (`docker.sock`, `containerd.sock`); even a harmless-looking writable path can be ' +
    'used to plant files the node later runs. Pods using it are also tied to what happens to exist on each node. The baseline ' +
    'Pod Security Standard forbids hostPath volumes.\n\n' +
    'Use `emptyDir`, a `configMap`/`secret`, a persistent volume or a CSI driver instead. Node agents that need a host path ' +
    '(log collectors, CSI node plugins) should be exempted explicitly or listed through the `allowedPaths` option (exact paths). ' +
    'There is no automatic fix: the replacement depends on what the pod does with the path.',
  remediation: 'Replace the hostPath volume with an emptyDir, configMap, secret or persistent volume, or exempt the node agent that needs it.',
  options: { allowedPaths: [] as string[] },
  optionsSchema: {
    type: 'object',
    properties: {
      allowedPaths: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Node paths accepted as hostPath volumes (exact paths, trailing slash ignored).' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    const allowed = new Set((ctx.options.allowedPaths ?? []).map(normalize));
    for (const item of seqItems(getNode(spec, 'volumes', ctx.doc), ctx.doc)) {
      const volume = asMap(item, ctx.doc);
      if (!volume) continue;
      const look = field(volume, 'hostPath', ctx.doc);
      if (look.state !== 'value') continue;
      const name = str(getNode(volume, 'name', ctx.doc), ctx.doc);
      const hostPath = asMap(look.node, ctx.doc);
      const pathNode = hostPath ? getNode(hostPath, 'path', ctx.doc) : undefined;
      const path = pathNode ? str(pathNode, ctx.doc) : undefined;
      if (path !== undefined && allowed.has(normalize(path))) continue;
      const label = name !== undefined ? `Volume "${name}"` : 'A volume';
      ctx.report({
        node: path !== undefined ? pathNode! : look.pair,
        message: path !== undefined
          ? `${label} mounts the node's ${path} into the pod${danger(path)}.`
          : `${label} mounts a path of the node into the pod (hostPath).`,
      });
    }
  },
});

function normalize(path: string): string {
  const p = path.trim();
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** A clause naming why the path is worse than most, or nothing. */
function danger(path: string): string {
  const p = normalize(path);
  if (SOCKETS.test(p)) return ', the container runtime\'s socket, which gives control of the node';
  if (SENSITIVE.some((s) => p === s)) return ', a system location of the node';
  return '';
}
