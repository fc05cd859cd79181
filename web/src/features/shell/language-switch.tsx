import { Segmented } from 'antd';
import { changeLang, LANGS, type Lang } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/use-t';

export function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      size="small"
      value={lang}
      onChange={(value) => void changeLang(value)}
      options={LANGS.map((value) => ({ value, label: t(`lang.${value}`) }))}
    />
  );
}
