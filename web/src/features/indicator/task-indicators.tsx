import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useNodeIndicators } from '../../api/indicator-reports';
import { useT } from '../../i18n/use-t';

/** On a task in the plan: the indicators that measure it, each a link to its page. Nothing when there are none. */
export function TaskIndicators({ planId, nodeId }: { planId: string; nodeId: string }) {
  const t = useT();
  const query = useNodeIndicators(planId, nodeId);
  const items = query.data?.items ?? [];
  if (!items.length) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="task-indicators">
      <Typography.Text type="secondary">{t('ind.taskIndicators')}</Typography.Text>
      <div>
        <Space wrap size={[8, 4]}>
          {items.map((i) => (
            <Link key={i.indicatorId} to={`/indicators/${i.indicatorId}`} data-testid={`task-indicator-${i.code}`}>
              <Tag color="blue">
                {i.name}（{i.unit}）
              </Tag>
            </Link>
          ))}
        </Space>
      </div>
    </div>
  );
}
