import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { REQUEST_STATUSES, useCoordinationCockpit } from '../../api/coordination';
import { useT } from '../../i18n/use-t';

/**
 * The cockpit's coordination card: requests to the national level by status, meeting decisions done /
 * on track / late, agreements by status and expiring soon. Each block opens its register.
 */
export function CoordinationCockpitCard({ planId }: { planId: string }) {
  const t = useT();
  const card = useCoordinationCockpit(planId);
  const c = card.data;
  return (
    <Card size="small" title={t('coord.cockpit.title')} loading={card.isPending} data-testid="cockpit-coordination">
      {card.error && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
      {c && (
        <Row gutter={[16, 12]}>
          <Col xs={24} md={8}>
            <Link to="/national-requests">
              <Statistic title={t('coord.cockpit.requests')} value={c.requests.total} />
            </Link>
            <Flex gap={4} wrap data-testid="cockpit-requests-by-status">
              {REQUEST_STATUSES.filter((s) => c.requests.byStatus[s] > 0).map((s) => (
                <Tag key={s}>{`${t(`requests.status.${s}`)} ${c.requests.byStatus[s]}`}</Tag>
              ))}
            </Flex>
          </Col>
          <Col xs={24} md={8}>
            <Link to="/meetings">
              <Statistic title={t('coord.cockpit.decisions')} value={c.decisions.total} />
            </Link>
            <Flex gap={4} wrap data-testid="cockpit-decisions">
              <Tag color="success">{`${t('coord.counts.done')} ${c.decisions.done}`}</Tag>
              <Tag color="processing">{`${t('coord.counts.onTrack')} ${c.decisions.onTrack}`}</Tag>
              <Tag color={c.decisions.late ? 'error' : 'default'}>{`${t('coord.counts.late')} ${c.decisions.late}`}</Tag>
            </Flex>
          </Col>
          <Col xs={24} md={8}>
            <Link to="/agreements">
              <Statistic title={t('coord.cockpit.agreements')} value={c.agreements.total} />
            </Link>
            <Flex gap={4} wrap data-testid="cockpit-agreements">
              {c.agreements.byStatus.lagging > 0 && <Tag color="error">{`${t('agreements.status.lagging')} ${c.agreements.byStatus.lagging}`}</Tag>}
              <Tag color={c.agreements.expiringSoon ? 'warning' : 'default'}>{t('coord.cockpit.expiring', { count: c.agreements.expiringSoon, days: c.agreements.expiringWithinDays })}</Tag>
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}
