// Flags container images with no tag and no digest, or tagged `latest`.
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { containerImage, managedImages } from '../_lib/images';

export default defineRule({
  id: 'k8s/image-tag-latest-or-missing',
  title: 'Container images name a version: a tag other than latest, or a digest',
  theme: 'supply-chain',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:latest-tag', 'checkov:CKV_K8S_14', 'polaris:tagNotSpecified', 'kube-score:container-image-tag', 'trivy:KSV013'],
  rationale:
    'An image without a tag means `latest`, and `latest` is whatever was pushed last: two nodes can run different code under the ' +
    'same manifest, a restart can silently upgrade, and a rollback has no earlier version to return to. A version tag (or, better, ' +
    'a digest) makes the running code reviewable and reproducible. A colon in the registry part (`registry:5000/app`) is a port, not ' +
    'a tag; images with a digest are fine whatever their tag; templated values the linter cannot evaluate are not reported, and ' +
    'neither are images whose tag is set elsewhere in the workspace: by a Kustomization `images:` entry (other than `latest`) or ' +
    'as a Skaffold build artifact. ' +
    'There is no automatic fix: only the author knows which version to run.',
  remediation: 'Reference the image by a version tag such as `nginx:1.27.3`, or by digest (`nginx@sha256:…`).',
  check(ctx) {
    for (const c of ctx.object.containers) {
      const image = containerImage(c, ctx.doc);
      if (!image || image.ref.digest) continue;
      const managed = managedImages(ctx.workspace);
      if (managed.versioned.has(image.ref.name) && !managed.latest.has(image.ref.name)) continue;
      if (image.ref.tag === undefined) {
        ctx.report({ node: image.node, message: `${upperFirst(containerLabel(c))} uses image "${image.text}" without a tag, which means whatever "latest" points to at pull time.` });
      } else if (image.ref.tag === 'latest') {
        ctx.report({ node: image.node, message: `${upperFirst(containerLabel(c))} uses the mutable "latest" tag of "${image.ref.name}".` });
      }
    }
  },
});
