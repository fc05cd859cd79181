import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useBulletin, useDeleteBulletin, useDownloadBulletin, usePublishBulletin, useRefreshBulletin } from '../api/bulletins';
import { usePermissions } from '../features/auth/use-permissions';
import { BulletinDownloadButtons, BulletinDownloadHistory } from '../features/bulletin/bulletin-downloads';
import { BulletinPreview } from '../features/bulletin/bulletin-preview';
import { BulletinWordingForm } from '../features/bulletin/bulletin-wording-form';
import { formatTime } from '../features/common/format-time';
import { useCycleLabel } from '../i18n/use-cycle-label';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function BulletinPage() {
  const t = useT();
  const errorText = useErrorText();
  const cycleLabel = useCycleLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = usePermissions();
  const manage = can('bulletin:manage');
  const { id = '' } = useParams();
  const bulletin = useBulletin(id);
  const publish = usePublishBulletin(id);
  const refresh = useRefreshBulletin(id);
  const remove = useDeleteBulletin(id);
  const downloadDraft = useDownloadBulletin(id);

  if (bulletin.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(bulletin.error)} extra={<Link to="/bulletins">{t('bulletin.back')}</Link>} />;
  if (!bulletin.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const b = bulletin.data;
  const draft = b.state === 'draft';
  const fail = (err: unknown) => void message.error(errorText(err));

  const preview = <BulletinPreview bulletin={b} />;
  return (
    <Spin spinning={publish.isPending || refresh.isPending} tip={publish.isPending ? t('bulletin.publishing') : t('bulletin.generating')}>
      <Card
        title={
          <Space>
            <Link to="/bulletins" aria-label={t('bulletin.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="bulletin-heading">{b.title}</span>
            <Tag color={draft ? 'default' : 'green'} data-testid="bulletin-state">
              {t(`bulletin.state.${b.state}`)}
            </Tag>
          </Space>
        }
        extra={
          draft &&
          manage && (
            <Space wrap>
              <Button icon={<ReloadOutlined />} onClick={() => refresh.mutate(b.version, { onSuccess: () => void message.success(t('bulletin.refreshed')), onError: fail })}>
                {t('bulletin.refresh')}
              </Button>
              <Button icon={<DownloadOutlined />} loading={downloadDraft.isPending} onClick={() => downloadDraft.mutate('docx', { onError: fail })}>
                {t('bulletin.downloadDraft')}
              </Button>
              <Popconfirm title={t('bulletin.deleteConfirm')} onConfirm={() => remove.mutate(b.version, { onSuccess: () => { void message.success(t('bulletin.deleted')); navigate('/bulletins'); }, onError: fail })}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('bulletin.delete')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('bulletin.publishConfirm')}
                okButtonProps={{ 'data-testid': 'btn-publish-confirm' }}
                onConfirm={() => publish.mutate(b.version, { onSuccess: () => void message.success(t('bulletin.published')), onError: fail })}
              >
                <Button type="primary" icon={<SendOutlined />} data-testid="btn-publish">
                  {t('bulletin.publish')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('bulletin.number')}>{b.number}</Descriptions.Item>
          <Descriptions.Item label={t('bulletin.cycle')}>{cycleLabel({ cycleLabel: b.cycleLabel })}</Descriptions.Item>
          <Descriptions.Item label={t('bulletin.issuingBody')}>{b.issuingBody}</Descriptions.Item>
          <Descriptions.Item label={t('bulletin.createdAt')}>{formatTime(b.createdAt)}</Descriptions.Item>
          {b.publishedAt && <Descriptions.Item label={t('bulletin.publishedAt')}>{formatTime(b.publishedAt)}</Descriptions.Item>}
          {b.publishedBy && <Descriptions.Item label={t('bulletin.publishedBy')}>{b.publishedBy}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph type="secondary">{t('bulletin.asOf', { date: b.asOf })}</Typography.Paragraph>
        {draft ? (
          manage ? (
            <Row gutter={16}>
              <Col xs={24} xl={10}>
                <BulletinWordingForm bulletin={b} onConflict={() => void bulletin.refetch()} />
              </Col>
              <Col xs={24} xl={14}>
                <Typography.Title level={5}>{t('bulletin.preview')}</Typography.Title>
                {preview}
              </Col>
            </Row>
          ) : (
            preview
          )
        ) : (
          <>
            <Alert type="success" showIcon message={t('bulletin.immutable')} style={{ marginBottom: 12 }} />
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Title level={5}>{t('bulletin.downloads')}</Typography.Title>
              <BulletinDownloadButtons bulletin={b} />
              <Tabs
                items={[
                  { key: 'preview', label: t('bulletin.preview'), children: preview },
                  ...(manage ? [{ key: 'history', label: t('bulletin.history'), children: <BulletinDownloadHistory bulletinId={b.id} /> }] : []),
                ]}
              />
            </Space>
          </>
        )}
      </Card>
    </Spin>
  );
}
