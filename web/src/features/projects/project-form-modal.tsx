import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { PROJECT_CATEGORIES, PROJECT_PHASES, PROJECT_SIDES, useCreateProject, useUpdateProject, type TProject } from '../../api/projects';
import { useUnits } from '../../api/units';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Values = Pick<TProject, 'title' | 'category' | 'phase' | 'side' | 'budgetTotal' | 'unitId' | 'owner' | 'description' | 'note'> & { period?: [Dayjs | null, Dayjs | null] | null };

/** Creates a project (no `project`) or edits the main facts of one; a stale edit is refused with 409 and the message says so. */
export function ProjectFormModal({ open, project, onClose, onSaved }: { open: boolean; project?: TProject; onClose: () => void; onSaved?: (p: TProject) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits({ page: 1, pageSize: 200 }, open);
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project)
      form.setFieldsValue({ ...project, period: [project.startDate ? dayjs(project.startDate) : null, project.endDate ? dayjs(project.endDate) : null] });
  }, [open, project, form]);

  const submit = async () => {
    const { period, ...v } = await form.validateFields();
    const body = {
      ...v,
      budgetTotal: v.budgetTotal ?? null,
      unitId: v.unitId ?? null,
      owner: v.owner || null,
      description: v.description || null,
      note: v.note || null,
      startDate: period?.[0]?.format('YYYY-MM-DD') ?? null,
      endDate: period?.[1]?.format('YYYY-MM-DD') ?? null,
    };
    try {
      const saved = project ? await update.mutateAsync({ version: project.version, ...body }) : await create.mutateAsync(body);
      void message.success(t('project.saved'));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Modal forceRender open={open} title={project ? t('project.edit') : t('project.new')} onCancel={onClose} onOk={submit} okText={t('project.save')} confirmLoading={create.isPending || update.isPending} width={640}>
      <Form form={form} layout="vertical" initialValues={{ category: 'transport.rail', phase: 'preparation', side: 'sichuan' }}>
        <Form.Item name="title" label={t('project.col.title')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input data-testid="project-form-title" />
        </Form.Item>
        <Form.Item name="category" label={t('project.col.category')} rules={[{ required: true }]}>
          <Select options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`project.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="phase" label={t('project.col.phase')} rules={[{ required: true }]}>
          <Select options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`project.phase.${p}`) }))} />
        </Form.Item>
        <Form.Item name="side" label={t('project.col.side')}>
          <Select options={PROJECT_SIDES.map((s) => ({ value: s, label: t(`project.side.${s}`) }))} />
        </Form.Item>
        <Form.Item name="budgetTotal" label={t('project.col.budget')}>
          <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="period" label={t('project.period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unitId" label={t('project.unit')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="owner" label={t('project.owner')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('project.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="note" label={t('project.note')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
