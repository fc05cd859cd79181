import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { ASSESSMENT_RULES, useSaveItems, type AssessmentRule, type TAssessmentPeriodDetail, type TItemInput } from '../../api/assessment';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

type Draft = TItemInput & { key: string };
const TIMELINESS: readonly AssessmentRule[] = ['report_timeliness', 'milestone_timeliness', 'supervision_response'];

/** Items, points and rule parameters, saved as a whole against the period's version. */
export function SchemeEditor({ period, editable }: { period: TAssessmentPeriodDetail; editable: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const save = useSaveItems(period.id);
  const fromPeriod = () => period.items.map((i) => ({ key: i.id, rule: i.rule, title: i.title, maxPoints: i.maxPoints, params: i.params }));
  const [items, setItems] = useState<Draft[]>(fromPeriod);
  const [dirty, setDirty] = useState(false);
  // A reload after someone else's save replaces the draft unless the user is mid-edit.
  useEffect(() => {
    if (!dirty) setItems(fromPeriod());
  }, [period.version]);

  const change = (key: string, patch: Partial<TItemInput>) => {
    setDirty(true);
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch, params: { ...i.params, ...patch.params } } : i)));
  };
  const total = Math.round(items.filter((i) => i.rule !== 'bonus_penalty').reduce((s, i) => s + (i.maxPoints || 0) * 10, 0)) / 10;

  const submit = () =>
    save.mutate(
      { version: period.version, items: items.map(({ key: _k, ...i }) => i) },
      {
        onSuccess: () => {
          setDirty(false);
          void message.success(t('common.saved'));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
            setDirty(false);
            void message.warning(t('assess.conflict'));
          } else void message.error(errorText(err));
        },
      },
    );

  return (
    <Flex vertical gap={12} data-testid="scheme-editor">
      <Alert type="info" showIcon message={t('assess.ruleHelp')} />
      <Table<Draft>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t('assess.item.rule'),
            dataIndex: 'rule',
            width: 180,
            render: (rule: AssessmentRule, i) => (
              <Select disabled={!editable} value={rule} style={{ width: '100%' }} onChange={(r) => change(i.key, { rule: r })} options={ASSESSMENT_RULES.map((r) => ({ value: r, label: t(`assess.rule.${r}`) }))} />
            ),
          },
          { title: t('assess.item.title'), dataIndex: 'title', render: (title: string, i) => <Input disabled={!editable} value={title} maxLength={100} onChange={(e) => change(i.key, { title: e.target.value })} /> },
          {
            title: t('assess.item.maxPoints'),
            dataIndex: 'maxPoints',
            width: 110,
            render: (v: number, i) => <InputNumber data-testid={`item-points-${i.rule}`} disabled={!editable} min={0.1} max={1000} step={1} value={v} onChange={(n) => change(i.key, { maxPoints: n ?? 0 })} />,
          },
          {
            title: `${t('assess.item.lateCredit')} / ${t('assess.item.scaleMax')}`,
            key: 'params',
            width: 180,
            render: (_, i) =>
              TIMELINESS.includes(i.rule) ? (
                <InputNumber disabled={!editable} min={0} max={1} step={0.1} value={i.params?.lateCredit ?? 0} onChange={(n) => change(i.key, { params: { lateCredit: n ?? 0 } })} />
              ) : i.rule === 'report_quality' ? (
                <InputNumber disabled={!editable} min={1} max={100} value={i.params?.scaleMax ?? 5} onChange={(n) => change(i.key, { params: { scaleMax: n ?? 5 } })} />
              ) : null,
          },
          {
            key: 'remove',
            width: 50,
            render: (_, i) => editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => (setDirty(true), setItems((l) => l.filter((x) => x.key !== i.key)))} />,
          },
        ]}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('assess.totalPoints', { n: total })}</Typography.Text>
        {editable && (
          <Flex gap={8}>
            <Button icon={<PlusOutlined />} onClick={() => (setDirty(true), setItems((l) => [...l, { key: crypto.randomUUID(), rule: 'report_timeliness', title: t('assess.rule.report_timeliness'), maxPoints: 10, params: {} }]))}>
              {t('assess.item.add')}
            </Button>
            <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={submit} data-testid="btn-save-scheme">
              {t('assess.saveScheme')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Flex>
  );
}
