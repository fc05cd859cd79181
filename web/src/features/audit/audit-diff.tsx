import { Col, Row, Typography, theme } from 'antd';
import type { TAuditEntry } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { changedKeys } from './changed-keys';

type Snapshot = TAuditEntry['before'];

function SnapshotView({ snapshot, changed, color }: { snapshot: Snapshot; changed: Set<string>; color: string }) {
  const t = useT();
  if (snapshot === null) return <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {'{\n'}
      {Object.entries(snapshot).map(([key, value]) => (
        <div key={key} data-changed={changed.has(key) || undefined} style={changed.has(key) ? { background: color } : undefined}>
          {`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2)?.replace(/\n/g, '\n  ')},`}
        </div>
      ))}
      {'}'}
    </pre>
  );
}

/** Before and after side by side; keys that changed are highlighted on both sides. */
export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  const { token } = theme.useToken();
  const changed = changedKeys(entry.before, entry.after);
  return (
    <Row gutter={16} data-testid="audit-diff">
      <Col span={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <SnapshotView snapshot={entry.before} changed={changed} color={token.colorErrorBg} />
      </Col>
      <Col span={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <SnapshotView snapshot={entry.after} changed={changed} color={token.colorSuccessBg} />
      </Col>
    </Row>
  );
}
