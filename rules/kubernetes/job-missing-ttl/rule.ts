// Flags standalone Jobs without spec.ttlSecondsAfterFinished.
import { defineRule, PLACEHOLDER } from '../../../server/src/engine/api';
import { canMarkPlaceholder, field } from '../_lib/fields';
import { objectLabel } from '../_lib/names';

/** Annotations of tools that delete the Job themselves (hook delete policies apply by default). */
const MANAGED_BY_HOOKS = ['helm.sh/hook', 'argocd.argoproj.io/hook'];

export default defineRule({
  id: 'k8s/job-missing-ttl',
  title: 'Jobs are cleaned up after they finish',
  theme: 'limits',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['Job'] },
  rationale:
    'A finished Job and its pods stay in the cluster until someone deletes them. They keep counting against object quotas, ' +
    'load the API server and etcd, and clutter every listing. `ttlSecondsAfterFinished` lets the TTL controller delete the ' +
    'Job (and its pods) that many seconds after it completes or fails; keep it long enough to read the logs.\n\n' +
    'Only standalone Jobs are checked. Jobs created from a CronJob\'s `jobTemplate` are not: the CronJob controller already ' +
    'keeps just the last `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` Jobs, and a TTL there would delete the ' +
    'history it is meant to keep. Helm and Argo CD hook Jobs are skipped too, since their hook delete policy removes them. ' +
    'Under GitOps auto-sync, a Job deleted by its TTL may be re-created by the next sync: prefer a hook there.',
  remediation: 'Set `spec.ttlSecondsAfterFinished` so finished Jobs are deleted automatically.',
  check(ctx) {
    const obj = ctx.object;
    const spec = obj.spec;
    if (!spec) return;
    if (MANAGED_BY_HOOKS.some((a) => a in obj.annotations)) return;
    const owners = field(obj.metadata, 'ownerReferences', ctx.doc);
    if (owners.state !== 'absent') return;
    const f = field(spec, 'ttlSecondsAfterFinished', ctx.doc);
    if (f.state !== 'absent' && f.state !== 'null') return;
    ctx.report({
      node: obj.anchor,
      message: `${objectLabel(obj)} sets no ttlSecondsAfterFinished, so it and its pods stay in the cluster after it finishes.`,
      fix: canMarkPlaceholder(ctx, spec)
        ? ctx.fix('Set a placeholder ttlSecondsAfterFinished of 86400', false, ctx.edit.setIn(spec, ['ttlSecondsAfterFinished'], 86400, PLACEHOLDER))
        : undefined,
    });
  },
});
