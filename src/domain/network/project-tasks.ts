/**
 * Which of the plan's transport tasks speak of a project: the names a text may use for it are its
 * lines' names and its title, each also without the kind of line ('成渝中线高铁' → '成渝中线').
 * A short name of two characters ('渝昆') is only taken when it stands as an item of a list
 * ('渝昆等', '渝昆、'), so that '成渝' does not catch '成渝地区双城经济圈'.
 */
const NOTE = /\s*[(（][^)）]*[)）]\s*$/;
const LINE_KIND = /(高速铁路|高速公路|城际铁路|市域铁路|高铁|铁路|城际|高速)$/;
const LIST_MARK = '[、，,及和与等）)]';

export function projectNameVariants(names: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    out.add(name);
    const core = name.replace(NOTE, '').replace(LINE_KIND, '').trim();
    if (core.length >= 2 && core !== name) out.add(core);
  }
  return [...out];
}

export function mentionsProject(text: string, variants: readonly string[]): boolean {
  return variants.some((v) => {
    if (v.length >= 3) return text.includes(v);
    const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`${escaped}(?=${LIST_MARK})`).test(text);
  });
}

export interface PlanTaskText {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  title: string;
  body: string | null;
  keyArea: string | null;
}

/** The tasks of a key area (a node's own key area, else its nearest ancestor's) whose title or body mentions the project. */
export function tasksMentioning(nodes: readonly PlanTaskText[], keyArea: string, variants: readonly string[]): PlanTaskText[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const areaOf = (n: PlanTaskText): string | null => {
    for (let at: PlanTaskText | undefined = n; at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.keyArea) return at.keyArea;
    return null;
  };
  return nodes.filter((n) => n.kind === 'task' && areaOf(n) === keyArea && mentionsProject(`${n.title}\n${n.body ?? ''}`, variants));
}
