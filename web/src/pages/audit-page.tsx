import { Card, Flex } from 'antd';
import { AuditTable } from '../features/audit/audit-table';
import { VerifyChainButton } from '../features/audit/verify-chain-button';
import { useT } from '../i18n/use-t';

export default function AuditPage() {
  const t = useT();
  return (
    <Card title={t('menu.audit')}>
      <Flex vertical gap={16}>
        <VerifyChainButton />
        <AuditTable />
      </Flex>
    </Card>
  );
}
