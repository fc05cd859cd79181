import { Badge, Card, Empty, Result, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSupervisionItems, useSupervisionProposals, type SupervisionListParams, type TProposal } from '../api/supervision';
import { usePermissions } from '../features/auth/use-permissions';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { IssueModal } from '../features/supervision/issue-modal';
import { ProposalsTable } from '../features/supervision/proposals-table';
import { SupervisionTable } from '../features/supervision/supervision-table';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

export default function SupervisionPage() {
  const t = useT();
  const errorText = useErrorText();
  const can = usePermissions();
  const manage = can('supervision:manage');
  const { plan, isPending, error: planError } = useCurrentPlan();
  const [params, setParams] = useState<SupervisionListParams>({ page: 1, pageSize: 20 });
  const items = useSupervisionItems(plan?.id, params);
  const proposals = useSupervisionProposals(plan?.id, manage);
  const [issuing, setIssuing] = useState<TProposal | null>(null);
  // The tab lives in the URL so a link can open the proposals directly.
  const [search, setSearch] = useSearchParams();
  const tab = manage && search.get('tab') === 'proposals' ? 'proposals' : 'ledger';

  const error = planError ?? items.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  return (
    <Card title={t('supervision.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === 'proposals' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'ledger',
            label: <span data-testid="tab-ledger">{t('supervision.tab.ledger')}</span>,
            children: (
              <SupervisionTable
                data={items.data}
                loading={items.isFetching}
                params={params}
                onParams={(patch) => setParams((p) => ({ ...p, ...patch }))}
                unitFilter={manage || can('report:review')}
              />
            ),
          },
          ...(manage
            ? [
                {
                  key: 'proposals',
                  label: (
                    <span data-testid="tab-proposals">
                      {t('supervision.tab.proposals')} <Badge count={proposals.data?.length ?? 0} size="small" />
                    </span>
                  ),
                  children: proposals.error ? (
                    <Result status="error" title={t('common.loadFailed')} subTitle={errorText(proposals.error)} />
                  ) : (
                    <ProposalsTable items={proposals.data ?? []} loading={proposals.isFetching} onIssue={setIssuing} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {issuing && <IssueModal planId={plan.id} proposal={issuing} onClose={() => setIssuing(null)} />}
    </Card>
  );
}
