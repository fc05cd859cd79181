import type { TaskDivisionField } from './parsed-sheet';

/**
 * Header words offices use for each column, best-known first. 时间要求 / 责任主体 / 事项 are left out
 * on purpose: they are rare and ambiguous enough that the office should map them by hand.
 */
export const HEADER_SYNONYMS: Record<TaskDivisionField, readonly string[]> = {
  seq: ['序号', '编号'],
  keyTask: ['重点任务', '重点工作', '任务分类', '任务类别'],
  work: ['具体工作', '工作任务', '主要任务', '任务内容', '具体任务', '工作内容', '工作措施', '具体措施', '主要措施', '工作举措', '任务名称'],
  lead: ['牵头单位', '责任单位', '主责单位', '牵头部门', '责任部门', '牵头责任单位'],
  participants: ['配合单位', '参与单位', '协同单位', '协办单位', '配合部门', '参与部门'],
  deadline: ['完成时限', '时间节点', '完成时间', '完成期限', '时限要求', '时限'],
  note: ['备注', '说明'],
};

// Header cells are short; a long cell that happens to contain 重点任务 is the title, not a header.
const MAX_HEADER_LENGTH = 20;

/**
 * The field a header cell names, or null. Exact words beat a cell that starts with one, which beats a
 * cell that contains one (牵头单位（责任单位） → lead; 完成时限（时间节点） → deadline).
 */
export function matchHeaderField(text: string): TaskDivisionField | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t || t.length > MAX_HEADER_LENGTH) return null;
  let best: { field: TaskDivisionField; score: number } | null = null;
  for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [TaskDivisionField, readonly string[]][]) {
    for (const w of words) {
      const score = t === w ? 3000 : t.startsWith(w) ? 2000 : t.includes(w) ? 1000 : 0;
      if (score && (!best || score + w.length > best.score)) best = { field, score: score + w.length };
    }
  }
  return best?.field ?? null;
}
