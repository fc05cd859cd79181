import { ApartmentOutlined, AuditOutlined, PartitionOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n/zh-CN';
import { useT } from '../../i18n/use-t';
import { usePermissions } from '../auth/use-permissions';

type MenuEntry = { path: string; label: MessageKey; icon: ReactNode; permission: Permission };

const ENTRIES: readonly MenuEntry[] = [
  { path: '/plan', label: 'menu.plan', icon: <PartitionOutlined />, permission: 'plan:read' },
  { path: '/units', label: 'menu.units', icon: <ApartmentOutlined />, permission: 'unit:read' },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function SideMenu() {
  const t = useT();
  const can = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = ENTRIES.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))?.path;

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      items={ENTRIES.filter((e) => can(e.permission)).map((e) => ({
        key: e.path,
        icon: e.icon,
        label: t(e.label),
        'data-testid': `menu-${e.path.slice(1)}`,
      }))}
    />
  );
}
