import { Card, Flex, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TNodeStatus } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { STATUS_COLOR } from './status-color';
import { StatusCounts } from './status-counts';
import { StatusTag } from './status-tag';

type Props = { status: TNodeStatus; asOf: string; actions?: ReactNode };

/** A task shows planned vs actual progress; a part or article shows its rolled-up progress and status counts. */
export function NodeStatusCard({ status, asOf, actions }: Props) {
  const t = useT();
  const color = status.status ? STATUS_COLOR[status.status] : undefined;
  return (
    <Card
      size="small"
      data-testid="node-status"
      title={
        <Space>
          {t('status.title')}
          {status.isLeaf && <StatusTag status={status.status} />}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('status.asOf', { date: asOf })}
          </Typography.Text>
        </Space>
      }
      extra={actions}
      style={{ marginBottom: 16 }}
    >
      {status.isLeaf ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t('status.planned')}</Typography.Text>
            <Progress percent={Math.round(status.plannedPct ?? 0)} strokeColor="#bfbfbf" data-testid="status-planned" />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t('status.actual')}</Typography.Text>
            <Progress percent={Math.round(status.actualPct ?? 0)} strokeColor={color} data-testid="status-actual" />
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Flex gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t('status.rollup')}</Typography.Text>
            <Progress percent={Math.round(status.progressPct)} data-testid="status-rollup" />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text style={{ width: 80 }}>{t('status.counts')}</Typography.Text>
            <StatusCounts counts={status.counts} />
          </Flex>
        </Flex>
      )}
      {status.reasons.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('status.reasons')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="status-reasons">
            {status.reasons.map((r, i) => (
              <li key={`${r.code}-${i}`}>{r.text}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
