import { App, Button, Popconfirm } from 'antd';
import { useUpdateCycle } from '../../api/reporting';
import type { TCycle } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

/** Close an open cycle (with a confirmation) or reopen a closed one. */
export function CycleStateButton({ planId, cycle }: { planId: string; cycle: TCycle }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const update = useUpdateCycle(planId);
  const next = cycle.state === 'open' ? 'closed' : 'open';
  const run = () =>
    update.mutateAsync({ cycleId: cycle.id, patch: { version: cycle.version, state: next } }).then(
      () => void message.success(t('cycle.updated')),
      (err: unknown) => void message.error(errorText(err)),
    );

  if (next === 'open') {
    return (
      <Button size="small" loading={update.isPending} onClick={() => void run()} data-testid="btn-reopen-cycle">
        {t('cycle.reopen')}
      </Button>
    );
  }
  return (
    <Popconfirm title={t('cycle.closeConfirm', { label: cycle.label })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={run}>
      <Button size="small" loading={update.isPending} data-testid="btn-close-cycle">
        {t('cycle.close')}
      </Button>
    </Popconfirm>
  );
}
