import { useMemo } from 'react';
import { buildLeagueBarOption, type LeagueBar } from '../../charts/build-league-bar-option';
import { EChart } from '../../charts/echart';
import { useT } from '../../i18n/use-t';

/** Loaded on demand (React.lazy) so that ECharts stays out of the assessment pages' first chunk. */
export default function LeagueChart({ rows, maxScore, onPick, testId }: { rows: LeagueBar[]; maxScore: number; onPick: (unitId: string) => void; testId: string }) {
  const t = useT();
  const option = useMemo(() => buildLeagueBarOption(rows, maxScore, t('assess.league.score')), [rows, maxScore, t]);
  return (
    <EChart
      option={option}
      height={Math.max(160, rows.length * 26 + 24)}
      testId={testId}
      ariaLabel={t('assess.league.chart')}
      onClick={(p) => {
        const unitId = (p.data as { unitId?: string } | undefined)?.unitId;
        if (unitId) onPick(unitId);
      }}
    />
  );
}
