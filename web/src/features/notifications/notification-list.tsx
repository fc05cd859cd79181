import { AlertOutlined, ClockCircleOutlined, FileDoneOutlined, MessageOutlined, NotificationOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Flex, List, Spin, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMarkNotificationRead, useRecentNotifications, type TNotification } from '../../api/notifications';
import { isMessageKey, useT } from '../../i18n/use-t';
import { formatTime } from '../common/format-time';

dayjs.extend(relativeTime);

const KIND_ICON: Record<string, ReactNode> = {
  supervision: <AlertOutlined style={{ color: '#fa8c16' }} />,
  supervision_response: <MessageOutlined style={{ color: '#1677ff' }} />,
  report_returned: <RollbackOutlined style={{ color: '#f5222d' }} />,
  report_submitted: <FileDoneOutlined style={{ color: '#52c41a' }} />,
  due_soon: <ClockCircleOutlined style={{ color: '#faad14' }} />,
  overdue: <WarningOutlined style={{ color: '#f5222d' }} />,
};

/** The latest notifications, shown in the bell's popover; opening one marks it read and follows its link. */
export default function NotificationList({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const recent = useRecentNotifications(true);
  const markRead = useMarkNotificationRead();

  const openItem = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) {
      onDone();
      navigate(n.link);
    }
  };
  const kindLabel = (kind: string) => {
    const key = `notifications.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };

  if (recent.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  const items = recent.data?.items ?? [];
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ width: 340 }} />;

  return (
    <List<TNotification>
      data-testid="notification-list"
      size="small"
      style={{ width: 380, maxHeight: 420, overflowY: 'auto' }}
      dataSource={items}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          data-testid="notification-item"
          data-read={n.readAt ? 'true' : 'false'}
          onClick={() => openItem(n)}
          style={{ cursor: n.link || !n.readAt ? 'pointer' : 'default', background: n.readAt ? undefined : token.colorPrimaryBg, paddingInline: 8 }}
        >
          <List.Item.Meta
            avatar={<Tooltip title={kindLabel(n.kind)}>{KIND_ICON[n.kind] ?? <NotificationOutlined />}</Tooltip>}
            title={
              <Typography.Text strong={!n.readAt} ellipsis={{ tooltip: n.title }} style={{ maxWidth: 300 }}>
                {n.title}
              </Typography.Text>
            }
            description={
              <Flex vertical gap={2}>
                {n.body && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                    {n.body}
                  </Typography.Paragraph>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatTime(n.createdAt)}>
                  {dayjs(n.createdAt).fromNow()}
                </Typography.Text>
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  );
}
