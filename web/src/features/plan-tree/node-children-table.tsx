import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TTreeNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { NodeKindTag } from './node-kind-tag';

type Props = { children: readonly TTreeNode[]; onOpen: (id: string) => void };

export function NodeChildrenTable({ children, onOpen }: Props) {
  const t = useT();
  const columns: ColumnsType<TTreeNode> = [
    { title: t('node.code'), dataIndex: 'code', width: 100 },
    { title: t('node.kind'), dataIndex: 'kind', width: 90, render: (_, n) => <NodeKindTag kind={n.kind} /> },
    { title: t('node.title'), dataIndex: 'title', render: (title: string, n) => <a onClick={() => onOpen(n.id)}>{title}</a> },
    { title: t('node.priority'), dataIndex: 'priority', width: 90, render: (_, n) => t(`priority.${n.priority}`) },
    { title: t('node.weight'), dataIndex: 'weight', width: 80 },
    { title: t('node.dueOn'), dataIndex: 'dueOn', width: 120 },
  ];
  return (
    <Table<TTreeNode>
      data-testid="node-children"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...children]}
      pagination={false}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
