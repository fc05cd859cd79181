import { CheckOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Deadline, ImportUnit } from '../../api/imports';
import { useT } from '../../i18n/use-t';

const MATCH_COLOR = { exact: 'green', group: 'blue', unknown: 'red' } as const;

/** One unit as written, coloured by how it matched: exact green, group blue, unknown red (with suggestions). */
export function UnitMatchTag({ unit, resolvedTo }: { unit: ImportUnit; resolvedTo?: string[] }) {
  const t = useT();
  const kind = unit.match.kind;
  const lines = [t(`import.match.${kind}`)];
  if (unit.match.kind === 'unknown' && unit.match.suggestions.length) {
    lines.push(t('import.suggestions', { names: unit.match.suggestions.map((s) => s.name).join('、') }));
  }
  if (resolvedTo?.length) lines.push(`→ ${resolvedTo.join('、')}`);
  return (
    <Tooltip title={lines.join('；')}>
      <Tag color={MATCH_COLOR[kind]} data-match={kind} style={{ marginInlineEnd: 4, marginBottom: 2 }} icon={resolvedTo?.length ? <CheckOutlined /> : undefined}>
        {unit.role === 'lead' && <Typography.Text strong style={{ color: 'inherit' }}>{t('import.lead')}·</Typography.Text>}
        {unit.name}
      </Tag>
    </Tooltip>
  );
}

export function UnitTags({ units, resolved }: { units: readonly ImportUnit[]; resolved: (name: string) => string[] | undefined }) {
  if (!units.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {units.map((u) => (
        <UnitMatchTag key={`${u.role}-${u.name}`} unit={u} resolvedTo={resolved(u.name)} />
      ))}
    </span>
  );
}

/** A parsed date, or 持续推进 / 定期 / 无法识别 with the text as the office wrote it. */
export function DeadlineCell({ deadline }: { deadline: Deadline | null }) {
  const t = useT();
  if (!deadline) return <Typography.Text type="secondary">—</Typography.Text>;
  if (deadline.kind === 'date') {
    return (
      <Tooltip title={deadline.text}>
        <span data-deadline="date">{deadline.dueOn}</span>
      </Tooltip>
    );
  }
  const color = deadline.kind === 'unknown' ? 'red' : deadline.kind === 'ongoing' ? 'cyan' : 'purple';
  return (
    <Space size={4} wrap data-deadline={deadline.kind}>
      <Tag color={color}>{t(`import.deadline.${deadline.kind}`)}</Tag>
      {deadline.text !== t(`import.deadline.${deadline.kind}`) && <Typography.Text type="secondary">{deadline.text}</Typography.Text>}
    </Space>
  );
}
