import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './features/auth/require-auth';
import { RequirePermission } from './features/auth/require-permission';
import { AppShell } from './features/shell/app-shell';

// Each page is its own chunk: the first load carries the shell only.
const LoginPage = lazy(() => import('./pages/login-page'));
const PlanPage = lazy(() => import('./pages/plan-page'));
const CockpitPage = lazy(() => import('./pages/cockpit-page'));
const MyTasksPage = lazy(() => import('./pages/my-tasks-page'));
const CyclesPage = lazy(() => import('./pages/cycles-page'));
const ReportsPage = lazy(() => import('./pages/reports-page'));
const ReportPage = lazy(() => import('./pages/report-page'));
const UnitsPage = lazy(() => import('./pages/units-page'));
const UsersPage = lazy(() => import('./pages/users-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
const ImportPage = lazy(() => import('./pages/import-page'));
const SupervisionPage = lazy(() => import('./pages/supervision-page'));
const SupervisionDetailPage = lazy(() => import('./pages/supervision-detail-page'));
const NetworkPage = lazy(() => import('./pages/network-page'));
const MeetingsPage = lazy(() => import('./pages/meetings-page'));
const MeetingPage = lazy(() => import('./pages/meeting-page'));
const AgreementsPage = lazy(() => import('./pages/agreements-page'));
const NationalRequestsPage = lazy(() => import('./pages/national-requests-page'));
const IndicatorsPage = lazy(() => import('./pages/indicators-page'));
const IndicatorPage = lazy(() => import('./pages/indicator-page'));
const IndicatorReportsPage = lazy(() => import('./pages/indicator-reports-page'));
const AssessmentPeriodsPage = lazy(() => import('./pages/assessment-periods-page'));
const AssessmentPeriodPage = lazy(() => import('./pages/assessment-period-page'));
const AssessmentUnitPage = lazy(() => import('./pages/assessment-unit-page'));
const BulletinsPage = lazy(() => import('./pages/bulletins-page'));
const BulletinPage = lazy(() => import('./pages/bulletin-page'));
const ProjectsPage = lazy(() => import('./pages/projects-page'));
const ProjectPage = lazy(() => import('./pages/project-page'));
const MapPage = lazy(() => import('./pages/map-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/plan" replace /> },
      { path: 'plan/:nodeId?', element: <RequirePermission permission="plan:read"><PlanPage /></RequirePermission> },
      { path: 'cockpit', element: <RequirePermission permission="cockpit:read"><CockpitPage /></RequirePermission> },
      { path: 'my-tasks', element: <RequirePermission permission="plan:read"><MyTasksPage /></RequirePermission> },
      { path: 'cycles', element: <RequirePermission permission={['cycle:manage', 'report:read']}><CyclesPage /></RequirePermission> },
      { path: 'reports', element: <RequirePermission permission="report:read"><ReportsPage /></RequirePermission> },
      { path: 'reports/:reportId', element: <RequirePermission permission="report:read"><ReportPage /></RequirePermission> },
      { path: 'units', element: <RequirePermission permission="unit:read"><UnitsPage /></RequirePermission> },
      { path: 'users', element: <RequirePermission permission="user:read"><UsersPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission permission="audit:read"><AuditPage /></RequirePermission> },
      { path: 'import', element: <RequirePermission permission="plan:edit"><ImportPage /></RequirePermission> },
      { path: 'supervision', element: <RequirePermission permission="plan:read"><SupervisionPage /></RequirePermission> },
      { path: 'supervision/:id', element: <RequirePermission permission="plan:read"><SupervisionDetailPage /></RequirePermission> },
      { path: 'network', element: <RequirePermission permission="plan:read"><NetworkPage /></RequirePermission> },
      { path: 'meetings', element: <RequirePermission permission="plan:read"><MeetingsPage /></RequirePermission> },
      { path: 'meetings/:id', element: <RequirePermission permission="plan:read"><MeetingPage /></RequirePermission> },
      { path: 'agreements', element: <RequirePermission permission="plan:read"><AgreementsPage /></RequirePermission> },
      { path: 'national-requests', element: <RequirePermission permission="plan:read"><NationalRequestsPage /></RequirePermission> },
      { path: 'indicators', element: <RequirePermission permission="plan:read"><IndicatorsPage /></RequirePermission> },
      { path: 'indicators/:id', element: <RequirePermission permission="plan:read"><IndicatorPage /></RequirePermission> },
      { path: 'indicator-reports', element: <RequirePermission permission={['report:write', 'report:read']}><IndicatorReportsPage /></RequirePermission> },
      { path: 'assessment', element: <RequirePermission permission="assessment:read"><AssessmentPeriodsPage /></RequirePermission> },
      { path: 'assessment/:id', element: <RequirePermission permission="assessment:read"><AssessmentPeriodPage /></RequirePermission> },
      { path: 'assessment/:id/units/:unitId', element: <RequirePermission permission="assessment:read"><AssessmentUnitPage /></RequirePermission> },
      { path: 'bulletins', element: <RequirePermission permission={['bulletin:manage', 'cockpit:read']}><BulletinsPage /></RequirePermission> },
      { path: 'bulletins/:id', element: <RequirePermission permission={['bulletin:manage', 'cockpit:read']}><BulletinPage /></RequirePermission> },
      { path: 'projects', element: <RequirePermission permission="plan:read"><ProjectsPage /></RequirePermission> },
      { path: 'projects/:id', element: <RequirePermission permission="plan:read"><ProjectPage /></RequirePermission> },
      { path: 'map', element: <RequirePermission permission="plan:read"><MapPage /></RequirePermission> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
