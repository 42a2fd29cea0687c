// Flags container images referenced by tag only, without an immutable digest.
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { containerImage, managedImages } from '../_lib/images';

export default defineRule({
  id: 'k8s/image-not-pinned-by-digest',
  title: 'Container images are pinned by digest',
  theme: 'supply-chain',
  severity: 'info',
  enabledByDefault: false,
  language: 'kubernetes',
  fixable: false,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['checkov:CKV_K8S_43', 'kube-linter:image-not-pinned-by-digest'],
  rationale:
    'A tag is a movable pointer: whoever can push to the repository can make `app:1.4.2` mean different bytes tomorrow, and ' +
    'nodes that pull at different times then run different code. A digest (`@sha256:…`) names the content itself, so what was ' +
    'reviewed and scanned is what runs. Pinning every image means updating digests on each release, usually with a bot; the rule ' +
    'is off by default for that reason. Images given a digest elsewhere in the workspace (a Kustomization ' +
    '`images:` entry with `digest`, a Skaffold build artifact) are not reported. There is no automatic fix: the digest has to come from the registry.',
  remediation: 'Reference the image by digest, e.g. `nginx:1.27.3@sha256:…`, and let a dependency bot keep it current.',
  check(ctx) {
    for (const c of ctx.object.containers) {
      const image = containerImage(c, ctx.doc);
      if (!image || image.ref.digest || managedImages(ctx.workspace).digest.has(image.ref.name)) continue;
      ctx.report({ node: image.node, message: `${upperFirst(containerLabel(c))} references image "${image.text}" without a digest.` });
    }
  },
});
