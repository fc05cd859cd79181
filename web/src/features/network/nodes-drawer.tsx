import { Alert, App, Button, Drawer, Form, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { usePatchNode, type TNetworkNode } from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';

type Props = { open: boolean; nodes: readonly TNetworkNode[]; canEdit: boolean; onClose: () => void };

/**
 * 站点位置: every node with where it sits on the map and where that position came from. The office
 * corrects a position; the node is then marked as edited, so a newer shipped data file keeps it.
 */
export function NodesDrawer({ open, nodes, canEdit, onClose }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<TNetworkNode | null>(null);
  return (
    <Drawer open={open} size={900} title={t('network.nodes.title')} onClose={onClose} destroyOnHidden>
      <Table<TNetworkNode>
        data-testid="nodes-table"
        size="small"
        rowKey="id"
        dataSource={[...nodes]}
        pagination={{ defaultPageSize: 50, size: 'small' }}
        columns={[
          { title: t('network.nodes.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          { title: t('network.nodes.kind'), dataIndex: 'kind', width: 90, render: (k: TNetworkNode['kind']) => <Tag>{t(`network.nodes.kind.${k}`)}</Tag> },
          { title: t('network.nodes.lon'), dataIndex: 'lon', width: 110, align: 'right', render: (v: number) => v.toFixed(4) },
          { title: t('network.nodes.lat'), dataIndex: 'lat', width: 110, align: 'right', render: (v: number) => v.toFixed(4) },
          { title: t('network.nodes.source'), dataIndex: 'positionSource', render: (s?: string) => <Typography.Text type="secondary">{s ?? '—'}</Typography.Text> },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, n: TNetworkNode) => (
                    <Button size="small" data-testid={`btn-edit-node-${n.id}`} onClick={() => setEditing(n)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <NodePositionModal node={editing} onClose={() => setEditing(null)} />}
    </Drawer>
  );
}

type Values = { lon: number; lat: number };

function NodePositionModal({ node, onClose }: { node: TNetworkNode; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const patch = usePatchNode();

  const submit = (v: Values) => {
    setError(null);
    patch.mutate(
      { id: node.id, body: { version: node.version ?? 1, lon: v.lon, lat: v.lat } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
            const { errors, complete } = toFormFieldErrors(err.fields, ['lon', 'lat']);
            form.setFields(errors);
            if (complete) return;
          }
          setError(err);
        },
      },
    );
  };
  const conflict = error instanceof ApiError && error.status === 409;

  return (
    <Modal
      open
      title={t('network.nodes.edit', { name: node.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: conflict, 'data-testid': 'btn-node-save' }}
      confirmLoading={patch.isPending}
      destroyOnHidden
    >
      {error !== null && <Alert type={conflict ? 'warning' : 'error'} showIcon title={conflict ? t('network.nodes.conflict') : errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" data-testid="node-form" onFinish={submit} initialValues={{ lon: node.lon, lat: node.lat }}>
        <Form.Item name="lon" label={t('network.nodes.lon')} extra={t('network.nodes.lonHint')} rules={[{ required: true, message: t('network.nodes.required') }]}>
          <InputNumber min={95} max={115} step={0.0001} precision={4} style={{ width: 200 }} data-testid="node-lon" />
        </Form.Item>
        <Form.Item name="lat" label={t('network.nodes.lat')} extra={t('network.nodes.latHint')} rules={[{ required: true, message: t('network.nodes.required') }]}>
          <InputNumber min={24} max={36} step={0.0001} precision={4} style={{ width: 200 }} data-testid="node-lat" />
        </Form.Item>
        <Typography.Text type="secondary">{t('network.nodes.keptHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
