// Flags CronJobs without spec.startingDeadlineSeconds.
import { defineRule, PLACEHOLDER } from '../../../server/src/engine/api';
import { canMarkPlaceholder, field } from '../_lib/fields';
import { objectLabel } from '../_lib/names';

export default defineRule({
  id: 'k8s/cronjob-missing-deadline',
  title: 'CronJobs set a starting deadline',
  theme: 'limits',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['CronJob'] },
  aliases: ['kube-score:cronjob-has-deadline'],
  rationale:
    'When the CronJob controller misses a scheduled time (the control plane was down or upgrading, the CronJob was ' +
    'suspended, or `concurrencyPolicy: Forbid` held it back), a CronJob without `startingDeadlineSeconds` still starts the ' +
    'missed run as soon as it can, however late: a nightly batch can start in the middle of the working day, and resuming ' +
    'a suspended CronJob starts its missed runs at once. Older controllers also stopped scheduling a CronJob for good after ' +
    'more than 100 missed times.\n\n' +
    'With a deadline, a run that cannot start within that many seconds of its scheduled time is skipped and counted as ' +
    'missed. Choose a value above 10 seconds (the controller checks every 10 seconds) and below the schedule\'s interval.',
  remediation: 'Set `spec.startingDeadlineSeconds` to how late a run may still usefully start.',
  check(ctx) {
    const spec = ctx.object.spec;
    if (!spec) return;
    const f = field(spec, 'startingDeadlineSeconds', ctx.doc);
    if (f.state !== 'absent' && f.state !== 'null') return;
    ctx.report({
      node: ctx.object.anchor,
      message: `${objectLabel(ctx.object)} sets no startingDeadlineSeconds, so missed runs start however late they are.`,
      fix: canMarkPlaceholder(ctx, spec)
        ? ctx.fix('Set a placeholder startingDeadlineSeconds of 300', false, ctx.edit.setIn(spec, ['startingDeadlineSeconds'], 300, PLACEHOLDER))
        : undefined,
    });
  },
});
