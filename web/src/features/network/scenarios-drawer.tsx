import { Alert, App, Button, Checkbox, Drawer, Empty, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  useCreateScenario,
  useDeleteScenario,
  usePatchScenario,
  useScenarioCompare,
  useScenarios,
  type NetworkAsOf,
  type TNetworkLink,
  type TScenario,
  type TScenarioDelta,
} from '../../api/network';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { compareMinutes } from './network-helpers';

type Props = {
  open: boolean;
  links: readonly TNetworkLink[];
  nameOf: (id: string) => string;
  /** The comparison lists cities only; stations are how routes reach them. */
  isSeat: (id: string) => boolean;
  asOf: Omit<NetworkAsOf, 'scenarioId'>;
  onShow: (scenarioId: string) => void;
  onClose: () => void;
};

/** What-if scenarios: a copy of the network with links removed or retimed, compared with the base. */
export function ScenariosDrawer({ open, links, nameOf, isSeat, asOf, onShow, onClose }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const scenarios = useScenarios();
  const create = useCreateScenario();
  const remove = useDeleteScenario();
  const [name, setName] = useState('');
  const [pickedId, setPickedId] = useState<string | undefined>();
  const picked = scenarios.data?.find((s) => s.id === pickedId) ?? scenarios.data?.[0];

  const createScenario = () => {
    if (!name.trim()) {
      void message.warning(t('network.scenarios.nameRequired'));
      return;
    }
    create.mutate(name.trim(), {
      onSuccess: (s) => {
        setName('');
        setPickedId(s.id);
        void message.success(t('network.scenarios.created'));
      },
      onError: (err) => void message.error(errorText(err)),
    });
  };

  return (
    <Drawer open={open} size={1000} title={t('network.scenarios.title')} onClose={onClose} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <Input data-testid="scenario-name" placeholder={t('network.scenarios.name')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} maxLength={100} />
          <Button type="primary" data-testid="btn-create-scenario" loading={create.isPending} onClick={createScenario}>
            {t('network.scenarios.create')}
          </Button>
        </Space>
        {scenarios.error && <Alert type="error" showIcon title={errorText(scenarios.error)} />}
        {scenarios.data && scenarios.data.length === 0 && <Empty description={t('network.scenarios.empty')} />}
        {picked && (
          <>
            <Space wrap>
              <Select
                data-testid="scenario-pick"
                style={{ width: 260 }}
                placeholder={t('network.scenarios.pick')}
                value={picked.id}
                options={scenarios.data?.map((s) => ({ value: s.id, label: s.name }))}
                onChange={setPickedId}
              />
              <Button onClick={() => onShow(picked.id)}>{t('network.scenarios.show')}</Button>
              <Popconfirm
                title={t('network.scenarios.deleteConfirm', { name: picked.name })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(picked.id, {
                    onSuccess: () => {
                      setPickedId(undefined);
                      void message.success(t('network.scenarios.deleted'));
                    },
                    onError: (err) => void message.error(errorText(err)),
                  })
                }
              >
                <Button danger data-testid="btn-delete-scenario">
                  {t('network.scenarios.delete')}
                </Button>
              </Popconfirm>
            </Space>
            <OverridesEditor key={`${picked.id}:${picked.version}`} scenario={picked} links={links} nameOf={nameOf} />
            <CompareTable scenarioId={picked.id} asOf={asOf} nameOf={nameOf} isSeat={isSeat} />
          </>
        )}
      </Space>
    </Drawer>
  );
}

/** Retime or remove base links; the draft starts from the scenario's saved overrides. */
function OverridesEditor({ scenario, links, nameOf }: { scenario: TScenario; links: readonly TNetworkLink[]; nameOf: (id: string) => string }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const patch = usePatchScenario();
  const [removed, setRemoved] = useState<Set<string>>(() => new Set(scenario.overrides.remove));
  const [retime, setRetime] = useState<Record<string, number>>(() => ({ ...scenario.overrides.retime }));
  const editable = links.filter((l) => l.mode !== 'access');

  const save = () =>
    patch.mutate(
      { id: scenario.id, body: { version: scenario.version, overrides: { add: scenario.overrides.add, remove: [...removed], retime } } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (err) => void message.error(errorText(err)) },
    );

  return (
    <div data-testid="scenario-overrides">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('network.scenarios.overrides')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('network.scenarios.summary', { remove: removed.size, retime: Object.keys(retime).length, add: scenario.overrides.add.length })}
        </Typography.Text>
        <Button type="primary" size="small" data-testid="btn-save-overrides" loading={patch.isPending} onClick={save}>
          {t('network.scenarios.save')}
        </Button>
      </Space>
      <Table<TNetworkLink>
        size="small"
        rowKey="id"
        dataSource={editable}
        pagination={false}
        scroll={{ y: 320 }}
        columns={[
          { title: t('network.links.line'), dataIndex: 'line' },
          { title: t('network.links.ends'), key: 'ends', render: (_, l) => `${nameOf(l.from)} – ${nameOf(l.to)}` },
          { title: t('network.scenarios.baseMinutes'), dataIndex: 'minutes', align: 'right', render: (m: number | null) => (m === null ? t('network.links.unknownMinutes') : m) },
          {
            title: t('network.scenarios.retime'),
            key: 'retime',
            render: (_, l) => (
              <InputNumber
                size="small"
                min={0}
                max={10000}
                precision={0}
                data-testid={`retime-${l.id}`}
                value={retime[l.id] ?? null}
                placeholder={l.minutes === null ? '' : String(l.minutes)}
                onChange={(v) =>
                  setRetime((prev) => {
                    const next = { ...prev };
                    if (v === null || v === undefined) delete next[l.id];
                    else next[l.id] = v;
                    return next;
                  })
                }
              />
            ),
          },
          {
            title: t('network.scenarios.remove'),
            key: 'remove',
            render: (_, l) => (
              <Checkbox
                data-testid={`remove-${l.id}`}
                checked={removed.has(l.id)}
                onChange={(e) =>
                  setRemoved((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.add(l.id);
                    else next.delete(l.id);
                    return next;
                  })
                }
              />
            ),
          },
        ]}
      />
    </div>
  );
}

function CompareTable({ scenarioId, asOf, nameOf, isSeat }: { scenarioId: string; asOf: Omit<NetworkAsOf, 'scenarioId'>; nameOf: (id: string) => string; isSeat: (id: string) => boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const compare = useScenarioCompare(scenarioId, asOf);
  const minutesText = (m: number | null) => (m === null ? t('network.noPath') : t('network.minutes', { count: m }));
  const deltaText = (d: TScenarioDelta) => {
    if (d.delta === null || !Number.isFinite(d.delta)) return d.scenarioMinutes === null ? `→ ${t('network.noPath')}` : `${t('network.noPath')} →`;
    return `${d.delta > 0 ? '+' : ''}${d.delta}`;
  };
  return (
    <div data-testid="scenario-compare">
      <Typography.Text strong>{t('network.scenarios.compare', { date: asOf.date })}</Typography.Text>
      {compare.error ? (
        <Alert type="error" showIcon title={errorText(compare.error)} />
      ) : (
        <Table<TScenarioDelta>
          size="small"
          loading={compare.isPending}
          rowKey={(d) => `${d.from}|${d.to}`}
          dataSource={(compare.data ?? []).filter((d) => isSeat(d.from) && isSeat(d.to))}
          locale={{ emptyText: t('network.scenarios.noDelta') }}
          pagination={{ defaultPageSize: 20, size: 'small' }}
          columns={[
            { title: t('network.target.pair'), key: 'pair', render: (_, d) => `${nameOf(d.from)} → ${nameOf(d.to)}` },
            { title: t('network.scenarios.baseMinutes'), dataIndex: 'baseMinutes', align: 'right', render: minutesText, sorter: (a, b) => compareMinutes(a.baseMinutes, b.baseMinutes) },
            { title: t('network.scenarios.scenarioMinutes'), dataIndex: 'scenarioMinutes', align: 'right', render: minutesText, sorter: (a, b) => compareMinutes(a.scenarioMinutes, b.scenarioMinutes) },
            {
              title: t('network.scenarios.delta'),
              key: 'delta',
              align: 'right',
              render: (_, d) => <Typography.Text type={d.delta !== null && d.delta < 0 ? 'success' : 'danger'}>{deltaText(d)}</Typography.Text>,
              sorter: (a, b) => compareMinutes(a.delta, b.delta),
            },
          ]}
        />
      )}
    </div>
  );
}
