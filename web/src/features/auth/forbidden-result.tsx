import { Result } from 'antd';
import { useT } from '../../i18n/use-t';

/** Loaded on demand: antd's Result carries its 403/404/500 illustrations (~10 KB gzip) into whatever imports it. */
export default function ForbiddenResult() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}
