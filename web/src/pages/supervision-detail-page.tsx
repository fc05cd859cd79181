import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSupervisionItem } from '../api/supervision';
import { formatTime } from '../features/common/format-time';
import { SupervisionActions } from '../features/supervision/supervision-actions';
import { isOverdue, LevelTag, SupervisionStateTag } from '../features/supervision/supervision-tags';
import { SupervisionTimeline } from '../features/supervision/supervision-timeline';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function SupervisionDetailPage() {
  const t = useT();
  const errorText = useErrorText();
  const { id } = useParams();
  const item = useSupervisionItem(id);

  const back = (
    <Link to="/supervision">
      <Button icon={<ArrowLeftOutlined />} data-testid="btn-back-supervision">
        {t('supervision.back')}
      </Button>
    </Link>
  );
  if (item.error) {
    const missing = item.error instanceof ApiError && item.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('supervision.notFound') : t('common.loadFailed')} subTitle={missing ? undefined : errorText(item.error)} extra={back} />;
  }
  if (item.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const d = item.data;
  // The chain holds the whole escalation history; make sure this item is on it.
  const chain = d.chain.some((c) => c.id === d.id) ? d.chain : [...d.chain, d];
  const overdue = isOverdue(d, dayjs().format('YYYY-MM-DD'));

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            <LevelTag level={d.level} />
            <span>{t('supervision.detail')}</span>
          </Flex>
        }
        extra={back}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'task',
              label: t('supervision.task'),
              children: (
                <Link to={`/plan/${d.nodeId}`} data-testid="link-task">
                  {d.nodeCode} {d.nodeTitle}
                </Link>
              ),
            },
            { key: 'unit', label: t('supervision.unit'), children: d.unitName },
            { key: 'state', label: t('supervision.state'), children: <SupervisionStateTag state={d.state} /> },
            {
              key: 'due',
              label: t('supervision.responseDueOn'),
              children: overdue ? <Typography.Text type="danger">{`${d.responseDueOn}（${t('supervision.overdue')}）`}</Typography.Text> : d.responseDueOn,
            },
            { key: 'created', label: t('supervision.createdAt'), children: formatTime(d.createdAt) },
            { key: 'message', label: t('supervision.message'), span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.message}</span> },
          ]}
        />
        <div style={{ marginTop: 16 }}>
          <SupervisionActions item={d} />
        </div>
      </Card>
      <Card title={t('supervision.chain')}>
        <SupervisionTimeline chain={chain} currentId={d.id} />
      </Card>
    </Flex>
  );
}
