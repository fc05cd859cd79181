import { DeleteOutlined, DragOutlined, EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { TNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import type { NodeFormTarget } from './node-form-modal';
import { canBeChildOf, isStructural } from './node-rules';

type Props = {
  node: TNode;
  deleting: boolean;
  onForm: (target: NodeFormTarget) => void;
  onMove: () => void;
  onDelete: () => Promise<void>;
};

/** Editing controls for one node; rendered only for users with plan:edit. */
export function NodeActions({ node, deleting, onForm, onMove, onDelete }: Props) {
  const t = useT();
  const structural = isStructural(node.kind);
  return (
    <Space wrap>
      {canBeChildOf('task', node.kind) && (
        <Button data-testid="btn-add-task" icon={<PlusOutlined />} onClick={() => onForm({ mode: 'create', kind: 'task', parent: node })}>
          {t('node.addTask')}
        </Button>
      )}
      {canBeChildOf('milestone', node.kind) && (
        <Button data-testid="btn-add-milestone" icon={<FlagOutlined />} onClick={() => onForm({ mode: 'create', kind: 'milestone', parent: node })}>
          {t('node.addMilestone')}
        </Button>
      )}
      <Button data-testid="btn-edit-node" icon={<EditOutlined />} onClick={() => onForm({ mode: 'edit', node })}>
        {t('node.edit')}
      </Button>
      {!structural && (
        <Button data-testid="btn-move-node" icon={<DragOutlined />} onClick={onMove}>
          {t('node.move')}
        </Button>
      )}
      {!structural && (
        <Popconfirm
          title={t('node.deleteConfirm', { title: `${node.code} ${node.title}` })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, loading: deleting, 'data-testid': 'btn-confirm-delete' }}
          onConfirm={onDelete}
        >
          <Button data-testid="btn-delete-node" danger icon={<DeleteOutlined />}>
            {t('node.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
