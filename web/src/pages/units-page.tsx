import { Card } from 'antd';
import { UnitsTable } from '../features/units/units-table';
import { useT } from '../i18n/use-t';

export default function UnitsPage() {
  const t = useT();
  return (
    <Card title={t('menu.units')}>
      <UnitsTable />
    </Card>
  );
}
