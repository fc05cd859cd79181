import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './features/auth/require-auth';
import { RequirePermission } from './features/auth/require-permission';
import { AppShell } from './features/shell/app-shell';

// Each page is its own chunk: the first load carries the shell only.
const LoginPage = lazy(() => import('./pages/login-page'));
const PlanPage = lazy(() => import('./pages/plan-page'));
const UnitsPage = lazy(() => import('./pages/units-page'));
const UsersPage = lazy(() => import('./pages/users-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
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
      { path: 'units', element: <RequirePermission permission="unit:read"><UnitsPage /></RequirePermission> },
      { path: 'users', element: <RequirePermission permission="user:read"><UsersPage /></RequirePermission> },
      { path: 'audit', element: <RequirePermission permission="audit:read"><AuditPage /></RequirePermission> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
