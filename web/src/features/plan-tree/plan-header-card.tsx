import { Card, Collapse, Descriptions, List, Tag, Typography } from 'antd';
import type { TFactItem, TPlan, TTreeNode } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { countByKind } from './plan-counts';

function FactList({ items }: { items: TFactItem[] }) {
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <Typography.Text strong>{item.title}</Typography.Text>
          {item.text && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{item.text}</Typography.Paragraph>}
        </List.Item>
      )}
    />
  );
}

export function PlanHeaderCard({ plan, nodes }: { plan: TPlan; nodes: readonly TTreeNode[] }) {
  const t = useT();
  const counts = countByKind(nodes);
  const { goals, principles, keyAreas } = plan.facts;

  return (
    <Card size="small" data-testid="plan-header">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {plan.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'adoptedOn', label: t('plan.adoptedOn'), children: plan.adoptedOn ?? '—' },
          { key: 'issuer', label: t('plan.issuer'), children: plan.issuer ?? '—' },
          {
            key: 'counts',
            label: t('plan.structure'),
            children: t('plan.counts', { parts: counts.part, articles: counts.article, tasks: counts.task, milestones: counts.milestone }),
          },
        ]}
      />
      <Collapse
        size="small"
        ghost
        items={[
          { key: 'goals', label: `${t('plan.goals')} (${goals.length})`, children: <FactList items={goals} /> },
          { key: 'principles', label: `${t('plan.principles')} (${principles.length})`, children: <FactList items={principles} /> },
          {
            key: 'keyAreas',
            label: `${t('plan.keyAreas')} (${keyAreas.length})`,
            children: keyAreas.map((area) => <Tag key={area.key}>{area.title}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
