import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/use-t';

export default function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/plan">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
