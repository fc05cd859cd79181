import { AlertOutlined, BellOutlined, ClockCircleOutlined, FileDoneOutlined, MessageOutlined, NotificationOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useRecentNotifications, useUnreadNotifications, type TNotification } from '../../api/notifications';
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

/** The header's bell: unread count (polled every minute) and the latest notifications in a popover. */
export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Only with a session: after logout the shell stays mounted for a moment and must not poll.
  const me = useMe();
  const unread = useUnreadNotifications(Boolean(me.data));
  const count = unread.data?.unread ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      title={<NotificationTitle count={count} />}
      content={open ? <NotificationList onDone={() => setOpen(false)} /> : null}
    >
      <Tooltip title={open ? undefined : t('notifications.bell', { count })}>
        <Badge count={count} size="small" overflowCount={99}>
          <Button type="text" shape="circle" icon={<BellOutlined />} data-testid="notification-bell" data-unread={count} aria-label={t('notifications.bell', { count })} />
        </Badge>
      </Tooltip>
    </Popover>
  );
}

function NotificationTitle({ count }: { count: number }) {
  const t = useT();
  const readAll = useMarkAllNotificationsRead();
  return (
    <Flex justify="space-between" align="center" gap={16}>
      <span>{t('notifications.title')}</span>
      <Button size="small" type="link" disabled={count === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="btn-read-all">
        {t('notifications.readAll')}
      </Button>
    </Flex>
  );
}

function NotificationList({ onDone }: { onDone: () => void }) {
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
