import { Result, Spin } from 'antd';
import { useNetwork } from '../api/network';
import { NetworkView } from '../features/network/network-view';
import { useErrorText } from '../i18n/use-error-text';
import { useT } from '../i18n/use-t';

/** 小时交通网: travel times by year, the three targets, gaps and the projects that close them (issue 7). */
export default function NetworkPage() {
  const t = useT();
  const errorText = useErrorText();
  const network = useNetwork();
  if (network.error) return <Result status="error" title={t('common.loadFailed')} subTitle={errorText(network.error)} />;
  if (!network.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return <NetworkView network={network.data} currentYear={new Date().getFullYear()} />;
}
