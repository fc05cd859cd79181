import { Card } from 'antd';
import { UsersTable } from '../features/users/users-table';
import { useT } from '../i18n/use-t';

export default function UsersPage() {
  const t = useT();
  return (
    <Card title={t('menu.users')}>
      <UsersTable />
    </Card>
  );
}
