import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { TCockpit } from '../../api/cockpit';
import { STATUS_COLOR, STATUS_ORDER, type Status } from '../../charts/status-colors';
import { useT } from '../../i18n/use-t';

type Props = { cockpit: TCockpit; onStatus: (status: Status) => void };

export function CockpitKpis({ cockpit, onStatus }: Props) {
  const t = useT();
  const { progressPct, counts } = cockpit.overall;
  const total = STATUS_ORDER.reduce((sum, s) => sum + counts[s], 0);
  return (
    <Card data-testid="cockpit-kpis" styles={{ body: { padding: 16 } }}>
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={6} xl={4}>
          <Flex vertical align="center" gap={4}>
            <Progress type="circle" percent={progressPct} size={112} format={(p) => `${p ?? 0}%`} strokeColor={STATUS_COLOR.completed} data-testid="kpi-overall" />
            <Typography.Text strong>{t('cockpit.overall')}</Typography.Text>
            <Typography.Text type="secondary">{t('cockpit.tasksTotal', { count: total })}</Typography.Text>
            <Typography.Text type="secondary" data-testid="cockpit-as-of">
              {t('cockpit.asOf', { date: cockpit.asOf })}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} md={18} xl={20}>
          <Row gutter={[12, 12]}>
            {STATUS_ORDER.map((s) => (
              <Col key={s} xs={12} sm={8} xl={4}>
                <Card
                  size="small"
                  hoverable
                  data-testid={`kpi-${s}`}
                  onClick={() => onStatus(s)}
                  style={{ borderTop: `3px solid ${STATUS_COLOR[s]}` }}
                >
                  <Statistic title={t(`cockpit.status.${s}`)} value={counts[s]} styles={{ content: { color: STATUS_COLOR[s], fontWeight: 600 } }} />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
