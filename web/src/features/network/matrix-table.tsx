import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { downloadNetworkExport, useTravelTimes, type NetworkAsOf } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { BAND_COLOR, bandOf, compareMinutes, matrixRows, type MatrixRow } from './network-helpers';

type Props = { asOf: NetworkAsOf; cityIds: readonly string[]; onPickPair: (from: string, to: string) => void };

/** The main cities' travel times as a long table (each pair once): sortable, searchable, exportable to xlsx. */
export function MatrixTable({ asOf, cityIds, onPickPair }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const matrix = useTravelTimes(asOf);
  const [q, setQ] = useState('');
  const [exporting, setExporting] = useState(false);
  const rows = useMemo(() => (matrix.data?.minutes ? matrixRows(matrix.data, cityIds) : []), [matrix.data, cityIds]);
  const needle = q.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => `${r.fromName} ${r.toName} ${r.from} ${r.to}`.toLowerCase().includes(needle)) : rows;
  const minutesText = (m: number | null) => (m === null ? t('network.noPath') : t('network.minutes', { count: m }));

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadNetworkExport(asOf);
      void message.success(t('network.matrix.exported'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('network.matrix.title')}
      extra={
        <Space>
          <Input.Search data-testid="matrix-search" allowClear placeholder={t('network.matrix.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 200 }} />
          <Button data-testid="btn-export-matrix" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
            {t('network.matrix.export')}
          </Button>
        </Space>
      }
    >
      {matrix.error && <Alert type="error" showIcon title={errorText(matrix.error)} />}
      {matrix.data && matrix.data.unknownLinks.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('network.unknownLinks', { count: matrix.data.unknownLinks.length })}
        </Typography.Paragraph>
      )}
      <Table<MatrixRow>
        data-testid="matrix-table"
        size="small"
        loading={matrix.isPending}
        rowKey="key"
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, size: 'small' }}
        onRow={(r) => ({ 'data-testid': `matrix-row-${r.from}-${r.to}`, onClick: () => onPickPair(r.from, r.to), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('network.matrix.from'), dataIndex: 'fromName', sorter: (a, b) => a.fromName.localeCompare(b.fromName, 'zh-CN') },
          { title: t('network.matrix.to'), dataIndex: 'toName', sorter: (a, b) => a.toName.localeCompare(b.toName, 'zh-CN') },
          {
            title: t('network.matrix.minutes'),
            dataIndex: 'minutes',
            align: 'right',
            defaultSortOrder: 'ascend',
            sorter: (a, b) => compareMinutes(a.minutes, b.minutes),
            render: (m: number | null) => (
              <Space size={6}>
                <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: BAND_COLOR[bandOf(m)] }} />
                {minutesText(m)}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
