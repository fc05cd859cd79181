import { ApartmentOutlined, AuditOutlined, PartitionOutlined, TeamOutlined } from '@ant-design/icons';
import { CalendarOutlined, CheckSquareOutlined, DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { AlertOutlined, ImportOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { ClusterOutlined, FlagOutlined, SolutionOutlined } from '@ant-design/icons';
import { FormOutlined, LineChartOutlined } from '@ant-design/icons';
import { NotificationOutlined } from '@ant-design/icons';
import { TrophyOutlined } from '@ant-design/icons';
import { GlobalOutlined, ProjectOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n/zh-CN';
import { useT } from '../../i18n/use-t';
import { useMe } from '../../api/auth';
import { isUnitUser } from '../auth/unit-user';
import { usePermissions } from '../auth/use-permissions';

/** `permission` may list several: the entry shows when the user holds any. `unitFirst` moves it to the top for unit users. */
type MenuEntry = { path: string; label: MessageKey; icon: ReactNode; permission: Permission | readonly Permission[]; unitFirst?: true };

const ENTRIES: readonly MenuEntry[] = [
  { path: '/cockpit', label: 'menu.cockpit', icon: <DashboardOutlined />, permission: 'cockpit:read' },
  { path: '/plan', label: 'menu.plan', icon: <PartitionOutlined />, permission: 'plan:read' },
  { path: '/my-tasks', label: 'menu.myTasks', icon: <CheckSquareOutlined />, permission: 'plan:read', unitFirst: true },
  { path: '/reports', label: 'menu.reports', icon: <FileTextOutlined />, permission: 'report:read' },
  { path: '/cycles', label: 'menu.cycles', icon: <CalendarOutlined />, permission: ['cycle:manage', 'report:read'] },
  { path: '/supervision', label: 'menu.supervision', icon: <AlertOutlined />, permission: 'plan:read' },
  { path: '/meetings', label: 'menu.meetings', icon: <ClusterOutlined />, permission: 'plan:read' },
  { path: '/agreements', label: 'menu.agreements', icon: <SolutionOutlined />, permission: 'plan:read' },
  { path: '/national-requests', label: 'menu.nationalRequests', icon: <FlagOutlined />, permission: 'plan:read' },
  { path: '/indicators', label: 'menu.indicators', icon: <LineChartOutlined />, permission: 'plan:read' },
  { path: '/indicator-reports', label: 'menu.indicatorReports', icon: <FormOutlined />, permission: ['report:write', 'report:review'] },
  { path: '/bulletins', label: 'menu.bulletins', icon: <NotificationOutlined />, permission: ['bulletin:manage', 'cockpit:read'] },
  { path: '/assessment', label: 'menu.assessment', icon: <TrophyOutlined />, permission: 'assessment:read' },
  { path: '/network', label: 'menu.network', icon: <NodeIndexOutlined />, permission: 'plan:read' },
  { path: '/projects', label: 'menu.projects', icon: <ProjectOutlined />, permission: 'plan:read' },
  { path: '/map', label: 'menu.map', icon: <GlobalOutlined />, permission: 'plan:read' },
  { path: '/import', label: 'menu.import', icon: <ImportOutlined />, permission: 'plan:edit' },
  { path: '/units', label: 'menu.units', icon: <ApartmentOutlined />, permission: 'unit:read' },
  { path: '/users', label: 'menu.users', icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function SideMenu() {
  const t = useT();
  const can = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe();
  const unitUser = isUnitUser(me.data?.user.roles ?? []);
  const allowed = (e: MenuEntry) => (typeof e.permission === 'string' ? can(e.permission) : e.permission.some(can));
  const entries = unitUser ? [...ENTRIES.filter((e) => e.unitFirst), ...ENTRIES.filter((e) => !e.unitFirst)] : ENTRIES;
  const selected = ENTRIES.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))?.path;

  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      items={entries.filter(allowed).map((e) => ({
        key: e.path,
        icon: e.icon,
        label: t(e.label),
        'data-testid': `menu-${e.path.slice(1)}`,
      }))}
    />
  );
}
