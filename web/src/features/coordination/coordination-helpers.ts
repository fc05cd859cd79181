import type { Dayjs } from 'dayjs';
import type { PartySide, TSourcedTask, TSourcedTaskBody } from '../../api/coordination';

/** A form's optional text: blank → null, else trimmed. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A DatePicker's value → `YYYY-MM-DD` or null. */
export function isoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export type SourcedTaskValues = { title: string; leads: string[]; participants?: string[]; dueOn?: Dayjs | null; closureEvidence: string };

/** The add-decision (or matter, or task) form → the API body; a unit chosen as lead is not also a participant. */
export function sourcedTaskBody(v: SourcedTaskValues): TSourcedTaskBody {
  const leads = [...new Set(v.leads)];
  const participants = [...new Set(v.participants ?? [])].filter((id) => !leads.includes(id));
  return { title: v.title.trim(), leads, participants, dueOn: isoDate(v.dueOn), closureEvidence: v.closureEvidence.trim() };
}

/** The first reason the status gives (why it is red or yellow), or null. */
export function firstReason(task: Pick<TSourcedTask, 'reasons'>): string | null {
  return task.reasons[0]?.text ?? null;
}

export type PartyValues = { name?: string; side?: PartySide };

/** The agreement form's party rows → the API's parties; rows without a name are dropped. */
export function partiesFromForm(rows: readonly PartyValues[] | undefined): { name: string; side: PartySide }[] {
  return (rows ?? []).flatMap((r) => {
    const name = r.name?.trim() ?? '';
    return name ? [{ name, side: r.side ?? 'sichuan' }] : [];
  });
}
