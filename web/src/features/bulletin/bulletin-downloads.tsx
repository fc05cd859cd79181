import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { BULLETIN_FORMATS, useBulletinDownloads, useDownloadBulletin, type TBulletinDetail, type TBulletinDownloads } from '../../api/bulletins';
import { formatTime } from '../common/format-time';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

const LABEL = { docx: 'Word (.docx)', pdf: 'PDF', xlsx: 'Excel (.xlsx)' } as const;

export function BulletinDownloadButtons({ bulletin }: { bulletin: TBulletinDetail }) {
  const errorText = useErrorText();
  const { message } = App.useApp();
  const download = useDownloadBulletin(bulletin.id);
  const sizeOf = (f: string) => bulletin.files.find((x) => x.format === f)?.size;
  return (
    <Space wrap>
      {BULLETIN_FORMATS.map((f) => (
        <Button
          key={f}
          icon={<DownloadOutlined />}
          loading={download.isPending && download.variables === f}
          onClick={() => download.mutate(f, { onError: (err) => void message.error(errorText(err)) })}
          data-testid={`btn-download-${f}`}
        >
          {LABEL[f]}
          {sizeOf(f) !== undefined && <span style={{ color: '#888', marginLeft: 4 }}>{Math.ceil(sizeOf(f)! / 1024)} KB</span>}
        </Button>
      ))}
    </Space>
  );
}

type Row = TBulletinDownloads['items'][number];

export function BulletinDownloadHistory({ bulletinId }: { bulletinId: string }) {
  const t = useT();
  const [params, setParams] = useState({ page: 1, pageSize: 10 });
  const history = useBulletinDownloads(bulletinId, params, true);
  return (
    <Table<Row>
      data-testid="bulletin-download-history"
      size="small"
      rowKey={(r) => `${r.at}-${r.userName}-${r.format}`}
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      locale={{ emptyText: t('bulletin.history.empty') }}
      pagination={{ current: params.page, pageSize: params.pageSize, total: history.data?.total ?? 0, onChange: (page, pageSize) => setParams({ page, pageSize }) }}
      columns={[
        { title: t('bulletin.history.at'), dataIndex: 'at', width: 160, render: (v: string) => formatTime(v) },
        { title: t('bulletin.history.user'), dataIndex: 'userName', render: (v: string, r) => r.displayName ?? v },
        { title: t('bulletin.history.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
        { title: t('bulletin.history.format'), dataIndex: 'format', width: 120, render: (v: Row['format'], r) => <Space>{v}{r.draft && <Tag>{t('bulletin.history.draft')}</Tag>}</Space> },
      ]}
    />
  );
}
