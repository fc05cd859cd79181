import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TKeyArea, TNode, TTreeNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { SourceLink } from '../coordination/links';
import { NodeChildrenTable } from './node-children-table';
import { NodeKindTag } from './node-kind-tag';
import { isStructural } from './node-rules';

type Props = {
  node: TNode;
  children: readonly TTreeNode[];
  keyAreas: readonly TKeyArea[];
  actions: ReactNode;
  /** Status card and assignments, shown above the text. */
  delivery?: ReactNode;
  onOpen: (id: string) => void;
};

/** The body keeps the Decision's paragraphs: one <p> per line of the source text. */
function Body({ text }: { text: string }) {
  const paragraphs = text.split(/\n+/).filter((p) => p.trim() !== '');
  return (
    <Typography data-testid="node-body">
      {paragraphs.map((p, i) => (
        <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
      ))}
    </Typography>
  );
}

export function NodeDetail({ node, children, keyAreas, actions, delivery, onOpen }: Props) {
  const t = useT();
  const keyArea = node.keyArea ? (keyAreas.find((a) => a.key === node.keyArea)?.title ?? node.keyArea) : '—';
  const quote = node.sourceRef?.quote;

  return (
    <Card
      data-testid="node-detail"
      title={
        <Space>
          <NodeKindTag kind={node.kind} />
          <span data-testid="node-code">{node.code}</span>
          <span data-testid="node-title">{node.title}</span>
        </Space>
      }
    >
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      {delivery}
      {node.body && <Body text={node.body} />}
      {quote && (
        <blockquote
          data-testid="node-source"
          style={{ margin: '0 0 16px', padding: '8px 16px', borderInlineStart: '4px solid #d9d9d9', background: '#fafafa' }}
        >
          <Typography.Text type="secondary">
            {t('node.source')}
            {node.sourceRef?.section ? ` · ${node.sourceRef.section}` : ''}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{quote}</Typography.Paragraph>
        </blockquote>
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'weight', label: t('node.weight'), children: node.weight },
          { key: 'priority', label: t('node.priority'), children: t(`priority.${node.priority}`) },
          { key: 'startOn', label: t('node.startOn'), children: node.startOn ?? '—' },
          { key: 'dueOn', label: t('node.dueOn'), children: node.dueOn ?? '—' },
          { key: 'keyArea', label: t('node.keyArea'), children: keyArea, span: 2 },
          ...(isStructural(node.kind)
            ? []
            : [
                { key: 'completionCriterion', label: t('node.completionCriterion'), children: node.completionCriterion ?? '—', span: 2 },
                { key: 'deadlineText', label: t('node.deadlineText'), children: node.deadlineText ?? '—' },
                { key: 'evidenceRequired', label: t('node.evidenceRequired'), children: t(node.evidenceRequired ? 'common.yes' : 'common.no') },
                ...(node.cancelled ? [{ key: 'cancelled', label: t('node.cancelled'), children: t('common.yes') }] : []),
                // the way back to the meeting, agreement or request the task came from
                ...(node.sourceKind ? [{ key: 'sourceKind', label: t('coord.source.label'), children: <SourceLink kind={node.sourceKind} id={node.sourceId} />, span: 2 }] : []),
              ]),
        ]}
      />
      {node.kind !== 'milestone' && (
        <>
          <Typography.Title level={5}>{t('node.children')}</Typography.Title>
          <NodeChildrenTable children={children} onOpen={onOpen} />
        </>
      )}
    </Card>
  );
}
