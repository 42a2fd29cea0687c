// Flags containers whose effective imagePullPolicy is not Always; the fix sets it.
import { defineRule, getNode, getPair, str, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { containerImage } from '../_lib/images';

export default defineRule({
  id: 'k8s/image-pull-policy-not-always',
  title: 'Containers pull their image on every start',
  theme: 'supply-chain',
  severity: 'info',
  enabledByDefault: false,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['polaris:pullPolicyNotAlways', 'kube-score:container-image-pull-policy', 'checkov:CKV_K8S_15'],
  rationale:
    'With `IfNotPresent` or `Never`, a node reuses any copy of the image it already has: a moved tag is not picked up, and a pod ' +
    'can start a private image cached by another workload without presenting pull credentials of its own. `Always` makes the ' +
    'kubelet check the registry on every start (a cheap manifest request when the layers are cached). When `imagePullPolicy` is ' +
    'absent, Kubernetes already uses `Always` for images without a tag or tagged `latest`, and `IfNotPresent` otherwise; only the ' +
    'latter is reported. The rule is off by default because it adds a registry dependency to every pod start. The fix sets ' +
    '`imagePullPolicy: Always`, which is mechanical and safe.',
  remediation: 'Set `imagePullPolicy: Always` on the container.',
  check(ctx) {
    const { doc } = ctx;
    for (const c of ctx.object.containers) {
      const pair = getPair(c.map, 'imagePullPolicy');
      if (pair) {
        const node = getNode(c.map, 'imagePullPolicy', doc);
        const policy = str(node, doc);
        if (!node || policy === undefined || policy === 'Always') continue;
        if (policy !== 'IfNotPresent' && policy !== 'Never') continue;
        ctx.report({
          node,
          message: `${upperFirst(containerLabel(c))} sets imagePullPolicy: ${policy}, so a node may start a cached image without checking the registry.`,
          fix: ctx.fix('Set imagePullPolicy: Always', true, ctx.edit.setScalar(node, 'Always')),
        });
        continue;
      }
      const image = containerImage(c, doc);
      if (!image) continue;
      // Without a policy, `latest` and untagged images default to Always; a digest-only reference defaults to IfNotPresent.
      if (image.ref.tag === 'latest' || (image.ref.tag === undefined && !image.ref.digest)) continue;
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} has no imagePullPolicy, so it defaults to IfNotPresent for image "${image.text}".`,
        fix: ctx.fix('Add imagePullPolicy: Always', true, ctx.edit.insertPair(c.map, 'imagePullPolicy', 'Always')),
      });
    }
  },
});
