import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useVerifyAudit } from '../../api/audit';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

/** Runs GET /api/audit/verify on request and shows whether the hash chain is intact. */
export function VerifyChainButton() {
  const t = useT();
  const errorText = useErrorText();
  const verify = useVerifyAudit();
  const result = verify.data;

  return (
    <Flex vertical gap={8} align="flex-start">
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="btn-verify-audit">
        {t('audit.verify')}
      </Button>
      {verify.error && <Alert type="error" showIcon title={errorText(verify.error)} />}
      {result && (
        <Alert
          data-testid="audit-verify-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok || !result.firstBroken
              ? t('audit.verifyOk', { checked: result.checked })
              : t('audit.verifyBroken', { id: result.firstBroken.id, reason: result.firstBroken.reason, checked: result.checked })
          }
        />
      )}
    </Flex>
  );
}
