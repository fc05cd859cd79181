import { App, ConfigProvider, Empty, Result, Spin, theme } from 'antd';
import { useCockpit } from '../api/cockpit';
import { usePlans } from '../api/plans';
import { CockpitView } from '../features/cockpit/cockpit-view';
import { useBigScreen } from '../features/cockpit/use-big-screen';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

// The 大屏 palette: a deep navy wall display; cards a shade lighter so the grid still reads from across a room.
const BIG_SCREEN_THEME = {
  algorithm: theme.darkAlgorithm,
  token: { colorBgLayout: '#050f1f', colorBgContainer: '#0b1a30', colorBgElevated: '#10213d', colorBorderSecondary: '#1d3357', fontSize: 15 },
};

export default function CockpitPage() {
  const t = useT();
  const errorText = useErrorText();
  const plans = usePlans();
  // The platform ships one plan; the first one listed is the one shown (as on the plan page).
  const plan = plans.data?.items[0];
  const cockpit = useCockpit(plan?.id);
  const big = useBigScreen();

  const error = plans.error ?? cockpit.error;
  if (error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(error)} />;
  if (plans.isPending || (plan && cockpit.isPending)) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!plan || !cockpit.data) return <Empty description={t('cockpit.noPlan')} />;

  const view = <CockpitView planId={plan.id} cockpit={cockpit.data} bigScreen={big.on} onToggleBigScreen={big.toggle} />;
  if (!big.on) return view;
  return (
    <ConfigProvider theme={BIG_SCREEN_THEME}>
      {/* App re-provides message/modal so they pick up the dark tokens. Drawers sit above this layer (z-index 1000). */}
      <App>
        <div style={{ position: 'fixed', inset: 0, zIndex: 999, overflow: 'auto', padding: 20, background: BIG_SCREEN_THEME.token.colorBgLayout }}>{view}</div>
      </App>
    </ConfigProvider>
  );
}
