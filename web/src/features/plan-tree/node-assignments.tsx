import { TeamOutlined } from '@ant-design/icons';
import { Button, Descriptions } from 'antd';
import { useState } from 'react';
import type { TAssignment, TNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { AssignModal } from './assign-modal';
import { UnitTags } from './unit-tags';

type Props = { planId: string; node: TNode; assignments: readonly TAssignment[]; canEdit: boolean };

/** A task's 牵头单位 and 配合单位, with the 分工 button for plan editors. */
export function NodeAssignments({ planId, node, assignments, canEdit }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const leads = assignments.filter((a) => a.role === 'lead');
  const participants = assignments.filter((a) => a.role === 'participant');
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        data-testid="node-assignments"
        title={t('assign.heading')}
        extra={
          canEdit && (
            <Button size="small" icon={<TeamOutlined />} data-testid="btn-assign" onClick={() => setOpen(true)}>
              {t('assign.button')}
            </Button>
          )
        }
        items={[
          { key: 'leads', label: t('assign.leads'), children: <UnitTags units={leads} color="blue" /> },
          { key: 'participants', label: t('assign.participants'), children: <UnitTags units={participants} /> },
        ]}
      />
      {open && <AssignModal planId={planId} node={node} assignments={assignments} onClose={() => setOpen(false)} />}
    </>
  );
}
