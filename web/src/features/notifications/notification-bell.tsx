import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Spin, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useMe } from '../../api/auth';
import { useMarkAllNotificationsRead, useUnreadNotifications } from '../../api/notifications';
import { useT } from '../../i18n/use-t';

// The list (antd List, Typography, relative times, icons) loads when the bell is first opened: the bell is
// on every page, the list is not, and it kept the initial JavaScript over its budget (bench/RESULTS.md).
const NotificationList = lazy(() => import('./notification-list'));

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
      content={
        open ? (
          <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
            <NotificationList onDone={() => setOpen(false)} />
          </Suspense>
        ) : null
      }
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

