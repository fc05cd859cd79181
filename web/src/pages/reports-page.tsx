import { Card, Empty, Flex, Result, Spin } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCycles, useReports, type ReportListParams } from '../api/reporting';
import { BulkReportingButton } from '../features/bulk-reporting/bulk-reporting-button';
import { useCurrentPlan } from '../features/common/use-current-plan';
import { pickDefaultCycle } from '../features/cycles/cycle-form-values';
import { ReportsFilters } from '../features/reports/reports-filters';
import { ReportsTable } from '../features/reports/reports-table';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

type Filters = Omit<ReportListParams, 'cycleId'>;

export default function ReportsPage() {
  const t = useT();
  const errorText = useErrorText();
  const { plan, isPending, error: planError } = useCurrentPlan();
  const cycles = useCycles(plan?.id);
  // The cycle lives in the URL (?cycleId=, '' = all cycles), so the cycles page can link here and the back button keeps it.
  const [search, setSearch] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const fromUrl = search.get('cycleId');
  const cycleId = fromUrl === null ? pickDefaultCycle(cycles.data ?? [])?.id : fromUrl || undefined;
  const params: ReportListParams = { ...filters, cycleId };
  // Wait for the cycles before the first list, so it opens on the default cycle rather than flashing all reports.
  const reports = useReports(params, fromUrl !== null || cycles.isSuccess);

  const error = planError ?? cycles.error ?? reports.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan) return <Empty description={t('plan.noPlan')} />;

  const onFilter = (patch: Partial<ReportListParams>) => {
    if ('cycleId' in patch) setSearch({ cycleId: patch.cycleId ?? '' }, { replace: true });
    const { cycleId: _ignored, ...rest } = patch;
    setFilters((f) => ({ ...f, ...rest, page: 1 }));
  };

  return (
    <Card title={t('menu.reports')} extra={<BulkReportingButton cycleId={cycleId} />}>
      <Flex vertical gap={16}>
        <ReportsFilters cycles={cycles.data ?? []} params={params} onFilter={onFilter} />
        <ReportsTable
          data={reports.data}
          loading={reports.isFetching}
          params={params}
          onPage={(page, pageSize) => setFilters((f) => ({ ...f, page, pageSize }))}
        />
      </Flex>
    </Card>
  );
}
