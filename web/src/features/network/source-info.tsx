import { InfoCircleOutlined } from '@ant-design/icons';
import { Popover, Typography } from 'antd';
import { useT } from '../../i18n/use-t';
import { sourceParts } from './network-helpers';

type Props = { source: string | readonly string[]; note?: string | null; testId?: string };

/** A small "source" icon; its popover lists each source with a link when it has a URL. Every figure on the page has one. */
export function SourceInfo({ source, note, testId }: Props) {
  const t = useT();
  const parts = sourceParts(source);
  const content = (
    <div style={{ maxWidth: 420 }} data-testid={testId ? `${testId}-content` : undefined}>
      {parts.length === 0 && <Typography.Text type="secondary">{t('network.noSource')}</Typography.Text>}
      {parts.map((p, i) => (
        <div key={i} style={{ marginBottom: 4, wordBreak: 'break-all' }}>
          {p.url ? (
            <Typography.Link href={p.url} target="_blank" rel="noreferrer noopener">
              {p.text}
            </Typography.Link>
          ) : (
            p.text
          )}
        </div>
      ))}
      {note && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {note}
        </Typography.Paragraph>
      )}
    </div>
  );
  return (
    <Popover content={content} title={t('network.source')} trigger={['hover', 'click']}>
      <InfoCircleOutlined data-testid={testId} aria-label={t('network.source')} style={{ color: '#8c8c8c', cursor: 'pointer', marginInlineStart: 4 }} />
    </Popover>
  );
}
