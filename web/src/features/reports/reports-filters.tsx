import { Flex, Select } from 'antd';
import type { ReportListParams } from '../../api/reporting';
import { ASSIGNMENT_ROLES, REPORT_STATES, type TCycle } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { useCycleLabel } from '../../i18n/use-cycle-label';

type Props = { cycles: readonly TCycle[]; params: ReportListParams; onFilter: (patch: Partial<ReportListParams>) => void };

export function ReportsFilters({ cycles, params, onFilter }: Props) {
  const t = useT();
  const cycleLabel = useCycleLabel();
  return (
    <Flex wrap gap={8} data-testid="reports-filters">
      <Select
        data-testid="filter-cycle"
        placeholder={t('report.cycle')}
        allowClear
        value={params.cycleId}
        onChange={(cycleId: string | undefined) => onFilter({ cycleId })}
        options={[...cycles]
          .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))
          .map((c) => ({ value: c.id, label: `${cycleLabel(c)} · ${t(`cycle.state.${c.state}`)}` }))}
        style={{ width: 260 }}
      />
      <Select
        data-testid="filter-state"
        placeholder={t('report.state')}
        allowClear
        value={params.state}
        onChange={(state) => onFilter({ state })}
        options={REPORT_STATES.map((s) => ({ value: s, label: t(`report.state.${s}`) }))}
        style={{ width: 120 }}
      />
      <Select
        data-testid="filter-role"
        placeholder={t('report.role')}
        allowClear
        value={params.role}
        onChange={(role) => onFilter({ role })}
        options={ASSIGNMENT_ROLES.map((r) => ({ value: r, label: t(`assign.role.${r}`) }))}
        style={{ width: 110 }}
      />
    </Flex>
  );
}
