import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useClearOverride } from '../../api/status';
import type { TNode, TNodeStatus } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { StatusOverrideModal } from './status-override-modal';

type Props = { planId: string; node: TNode; status: TNodeStatus };

/** 认定状态 / 撤销认定 — rendered only for users with status:override. */
export function StatusOverrideActions({ planId, node, status }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const clear = useClearOverride(planId);
  const overridden = status.reasons[0]?.code === 'override';

  return (
    <Space size={4}>
      <Button size="small" data-testid="btn-override" onClick={() => setOpen(true)}>
        {t('override.button')}
      </Button>
      {overridden && (
        <Popconfirm
          title={t('override.clearConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ loading: clear.isPending }}
          onConfirm={() =>
            clear.mutateAsync(node.id).then(
              () => void message.success(t('override.cleared')),
              (err: unknown) => void message.error(errorText(err)),
            )
          }
        >
          <Button size="small" danger data-testid="btn-clear-override">
            {t('override.clear')}
          </Button>
        </Popconfirm>
      )}
      {open && <StatusOverrideModal planId={planId} node={node} onClose={() => setOpen(false)} />}
    </Space>
  );
}
