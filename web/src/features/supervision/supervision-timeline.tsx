import { Descriptions, Flex, Timeline, Typography } from 'antd';
import type { TSupervisionItem } from '../../api/supervision';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';
import { LEVEL_COLOR, LevelTag, SupervisionStateTag } from './supervision-tags';

// Hex, not preset names: the theme's primary colour would otherwise stand in for 'blue'.
const DOT_COLOR: Record<string, string> = { blue: '#1677ff', gold: '#d4b106', orange: '#fa8c16', red: '#f5222d' };

/** The escalation chain, oldest first: each level with its message, the unit's response and the dates. */
export function SupervisionTimeline({ chain, currentId }: { chain: readonly TSupervisionItem[]; currentId: string }) {
  const t = useT();
  return (
    <Timeline
      data-testid="supervision-timeline"
      items={chain.map((item) => ({
        key: item.id,
        color: DOT_COLOR[LEVEL_COLOR[item.level]],
        content: (
          <Flex vertical gap={4} data-testid={`timeline-${item.level}`} style={item.id === currentId ? undefined : { opacity: 0.85 }}>
            <Flex gap={8} align="center" wrap>
              <LevelTag level={item.level} />
              <SupervisionStateTag state={item.state} />
              <Typography.Text type="secondary">
                {formatTime(item.createdAt)} · {item.unitName} · {t('supervision.responseDueOn')} {item.responseDueOn}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{item.message}</Typography.Paragraph>
            {(item.response || item.closedAt) && (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  ...(item.response
                    ? [{ key: 'response', label: `${t('supervision.response')}（${formatTime(item.respondedAt)}）`, children: <span style={{ whiteSpace: 'pre-wrap' }}>{item.response}</span> }]
                    : []),
                  ...(item.closedAt
                    ? [{ key: 'closed', label: `${t('supervision.closedAt')}（${formatTime(item.closedAt)}）`, children: item.closingComment || '—' }]
                    : []),
                ]}
              />
            )}
          </Flex>
        ),
      }))}
    />
  );
}
