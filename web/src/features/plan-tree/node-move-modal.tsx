import { Alert, App, Form, InputNumber, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useMoveNode } from '../../api/plans';
import type { TTreeNode } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { buildMoveTargets, siblingCount } from './build-move-targets';

type Props = { planId: string; node: TTreeNode; nodes: readonly TTreeNode[]; onClose: () => void; onMoved: () => void };
type Values = { parentId: string; position: number };

export function NodeMoveModal({ planId, node, nodes, onClose, onMoved }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveNode(planId);
  const targets = useMemo(() => buildMoveTargets(nodes, node), [nodes, node]);
  const parentId = Form.useWatch('parentId', form);
  const maxPosition = parentId ? siblingCount(nodes, parentId, node.id) : 0;
  const currentPosition = nodes.filter((n) => n.parentId === node.parentId && n.seq < node.seq).length;

  const submit = (values: Values) =>
    move.mutate(
      { nodeId: node.id, move: { version: node.version, parentId: values.parentId, position: values.position } },
      {
        onSuccess: () => {
          void message.success(t('node.moved'));
          onMoved();
        },
      },
    );

  return (
    <Modal
      open
      title={t('node.moveTitle', { title: `${node.code} ${node.title}` })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      {move.error && <Alert type="error" showIcon title={errorText(move.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="node-move-form"
        initialValues={{ parentId: node.parentId ?? undefined, position: currentPosition }}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          // A new parent: default to the end of its children.
          if (changed.parentId) form.setFieldValue('position', siblingCount(nodes, changed.parentId, node.id));
        }}
      >
        <Form.Item name="parentId" label={t('node.newParent')} rules={[{ required: true, message: t('node.parentRequired') }]}>
          <TreeSelect treeData={targets} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="position" label={t('node.position')} rules={[{ required: true }]}>
          <InputNumber min={0} max={maxPosition} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
