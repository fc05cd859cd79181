import { LinkOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';
import { sourcePath } from './coordination-helpers';

/** Linked plan tasks, each opening the task in the plan. */
export function LinkedTasks({ nodes, 'data-testid': testId }: { nodes: readonly { id: string; code: string; title: string }[]; 'data-testid'?: string }) {
  if (!nodes.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {nodes.map((n) => (
        <Link key={n.id} to={`/plan/${n.id}`} title={n.title}>
          <Tag>{n.code}</Tag>
        </Link>
      ))}
    </Flex>
  );
}

/** Linked major projects, each opening its page in the project library. */
export function LinkedProjects({ projects, 'data-testid': testId }: { projects: readonly { id: string; title: string }[]; 'data-testid'?: string }) {
  if (!projects.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {projects.map((p) => (
        <Link key={p.id} to={`/projects/${encodeURIComponent(p.id)}`}>
          <Tag color="geekblue">{p.title}</Tag>
        </Link>
      ))}
    </Flex>
  );
}

/** The one click back from a task to the meeting, agreement or request it came from; nothing for the Decision's own tasks. */
export function SourceLink({ kind, id }: { kind: string | null | undefined; id: string | null | undefined }) {
  const t = useT();
  const to = sourcePath(kind, id);
  if (!to || !kind) return null;
  const label = kind === 'meeting_decision' ? t('coord.source.meeting') : kind === 'agreement_matter' ? t('coord.source.agreement') : t('coord.source.request');
  return (
    <Link to={to} data-testid="source-link" onClick={(e) => e.stopPropagation()}>
      <LinkOutlined /> {label}
    </Link>
  );
}
