import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { LINK_STATUSES, usePatchLink, type TLinkPatch, type TLinkStatus, type TNetworkLink } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { isIsoDate, isPartialDate } from './network-helpers';
import { SourceInfo } from './source-info';

const STATUS_COLOR: Record<TLinkStatus, string> = { open: 'green', under_construction: 'orange', planned: 'blue' };

type Props = { open: boolean; links: readonly TNetworkLink[]; nameOf: (id: string) => string; canEdit: boolean; onClose: () => void };

/** 线路数据: every link with its time, status, dates and sources; the office fills in unknown times and dates. */
export function LinksDrawer({ open, links, nameOf, canEdit, onClose }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<TNetworkLink | null>(null);
  const lineName = (l: TNetworkLink) => l.line ?? t('network.route.access');
  return (
    <Drawer open={open} size={1100} title={t('network.links.title')} onClose={onClose} destroyOnHidden>
      <Table<TNetworkLink>
        data-testid="links-table"
        size="small"
        rowKey="id"
        dataSource={[...links]}
        pagination={{ defaultPageSize: 50, size: 'small' }}
        columns={[
          { title: t('network.links.line'), key: 'line', render: (_, l) => lineName(l), sorter: (a, b) => lineName(a).localeCompare(lineName(b), 'zh-CN') },
          { title: t('network.links.mode'), dataIndex: 'mode', render: (m: TNetworkLink['mode']) => t(`network.mode.${m}`) },
          { title: t('network.links.ends'), key: 'ends', render: (_, l) => `${nameOf(l.from)} – ${nameOf(l.to)}` },
          {
            title: t('network.links.minutes'),
            dataIndex: 'minutes',
            align: 'right',
            render: (m: number | null, l) =>
              m === null ? (
                <Tag color="warning" data-testid={`link-unknown-${l.id}`}>
                  {t('network.links.unknownMinutes')}
                </Tag>
              ) : (
                t('network.minutes', { count: m })
              ),
          },
          { title: t('network.links.status'), dataIndex: 'status', render: (s: TLinkStatus) => <Tag color={STATUS_COLOR[s]}>{t(`network.status.${s}`)}</Tag> },
          {
            title: t('network.links.dates'),
            key: 'dates',
            render: (_, l) => (
              <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
                {l.openFrom && <span>{`${t('network.links.openFrom')} ${l.openFrom}`}</span>}
                {l.plannedOpening && <span>{`${t('network.links.plannedOpening')} ${l.plannedOpening}`}</span>}
                {l.closedFrom && <span>{`${t('network.links.closedFrom')} ${l.closedFrom}`}</span>}
              </Space>
            ),
          },
          {
            title: t('network.links.sources'),
            key: 'sources',
            render: (_, l) => (
              <Space size={4}>
                {l.source.slice(0, 1).map((url) => (
                  <Typography.Link key={url} href={url} target="_blank" rel="noreferrer noopener" ellipsis style={{ maxWidth: 160 }}>
                    {url.replace(/^https?:\/\//, '')}
                  </Typography.Link>
                ))}
                <SourceInfo source={l.source} note={[l.minutesNote, l.reliability].filter(Boolean).join(' — ')} testId={`link-source-${l.id}`} />
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, l: TNetworkLink) => (
                    <Button size="small" data-testid={`btn-edit-link-${l.id}`} onClick={() => setEditing(l)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <LinkEditModal link={editing} title={`${editing.line ?? t('network.route.access')}（${nameOf(editing.from)} – ${nameOf(editing.to)}）`} onClose={() => setEditing(null)} />}
    </Drawer>
  );
}

type Values = { minutes: number | null; headwayMinutes: number | null; status: TLinkStatus; openFrom: string; plannedOpening: string; closedFrom: string; minutesNote: string };
const FIELDS: readonly (keyof Values)[] = ['minutes', 'headwayMinutes', 'status', 'openFrom', 'plannedOpening', 'closedFrom', 'minutesNote'];

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function LinkEditModal({ link, title, onClose }: { link: TNetworkLink; title: string; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const patch = usePatchLink();

  const submit = (v: Values) => {
    setError(null);
    const body: TLinkPatch = {
      version: link.version,
      minutes: v.minutes ?? null,
      headwayMinutes: v.headwayMinutes ?? null,
      status: v.status,
      openFrom: orNull(v.openFrom),
      plannedOpening: orNull(v.plannedOpening),
      closedFrom: orNull(v.closedFrom),
      minutesNote: orNull(v.minutesNote),
    };
    patch.mutate(
      { id: link.id, patch: body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
            const { errors, complete } = toFormFieldErrors(err.fields, FIELDS);
            form.setFields(errors);
            if (complete) return;
          }
          setError(err);
        },
      },
    );
  };

  const isoRule = { validator: (_: unknown, v: string | undefined) => (!v?.trim() || isIsoDate(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('network.links.dateInvalid')))) };
  const partialRule = { validator: (_: unknown, v: string | undefined) => (!v?.trim() || isPartialDate(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('network.links.dateInvalid')))) };

  return (
    <Modal
      open
      title={t('network.links.edit', { name: title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={patch.isPending}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="link-form"
        onFinish={submit}
        initialValues={{
          minutes: link.minutes,
          headwayMinutes: link.headwayMinutes ?? null,
          status: link.status,
          openFrom: link.openFrom ?? '',
          plannedOpening: link.plannedOpening ?? '',
          closedFrom: link.closedFrom ?? '',
          minutesNote: link.minutesNote ?? '',
        }}
      >
        <Form.Item name="minutes" label={t('network.links.minutes')} extra={t('network.links.minutesHint')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label={t('network.links.status')} rules={[{ required: true }]}>
          <Select options={LINK_STATUSES.map((s) => ({ value: s, label: t(`network.status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="openFrom" label={t('network.links.openFrom')} extra={t('network.links.isoDateHint')} rules={[isoRule]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="plannedOpening" label={t('network.links.plannedOpening')} extra={t('network.links.partialDateHint')} rules={[partialRule]}>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="closedFrom" label={t('network.links.closedFrom')} extra={t('network.links.isoDateHint')} rules={[isoRule]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="headwayMinutes" label={t('network.links.headway')}>
          <InputNumber min={0} max={1440} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="minutesNote" label={t('network.links.minutesNote')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
