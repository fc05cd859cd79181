/**
 * Derived indicators: computed from stored observations on every read, never stored, so a corrected
 * input corrects the derived figure at once.
 */
export interface OperandRef {
  indicator: string;
  /** Division codes (or region keys) whose values are summed; one member is just that value. */
  members?: string[] | undefined;
  /** A named region whose members are resolved by the caller (the Outline's scope, the economic circle). */
  region?: string | undefined;
}

export type IndicatorDerivation =
  | { kind: 'share'; division: string; numerator: OperandRef; denominator: OperandRef; scale: number }
  | { kind: 'sum'; division: string; operand: OperandRef };

export interface MissingInput {
  indicator: string;
  division: string;
}

export interface DerivedValue {
  value: number | null;
  /** Inputs without a value: the derived figure is null rather than computed from part of its inputs. */
  missing: MissingInput[];
}

export type ValueLookup = (indicator: string, division: string, period: string) => number | null;

/** A sum over a region's members that names every member without a value instead of summing what is there. */
export function regionalSum(indicator: string, members: readonly string[], period: string, lookup: ValueLookup): DerivedValue & { present: string[] } {
  const missing: MissingInput[] = [];
  const present: string[] = [];
  let total = 0;
  for (const m of members) {
    const v = lookup(indicator, m, period);
    if (v === null) missing.push({ indicator, division: m });
    else {
      present.push(m);
      total += v;
    }
  }
  return { value: missing.length || !members.length ? null : total, missing, present };
}

/** a / b × scale; null when either side is missing or b is zero. */
export function shareOf(numerator: number | null, denominator: number | null, scale = 100): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

export function operandMembers(op: OperandRef, regions: ReadonlyMap<string, readonly string[]>): string[] {
  if (op.members?.length) return [...op.members];
  if (op.region) return [...(regions.get(op.region) ?? [])];
  return [];
}

export function evaluateDerivation(d: IndicatorDerivation, period: string, lookup: ValueLookup, regions: ReadonlyMap<string, readonly string[]>): DerivedValue {
  if (d.kind === 'sum') {
    const { value, missing } = regionalSum(d.operand.indicator, operandMembers(d.operand, regions), period, lookup);
    return { value, missing };
  }
  const num = regionalSum(d.numerator.indicator, operandMembers(d.numerator, regions), period, lookup);
  const den = regionalSum(d.denominator.indicator, operandMembers(d.denominator, regions), period, lookup);
  return { value: shareOf(num.value, den.value, d.scale), missing: [...num.missing, ...den.missing] };
}

/** The indicator codes a derivation reads, so the caller can load their observations in one query. */
export function derivationInputs(d: IndicatorDerivation): string[] {
  return d.kind === 'sum' ? [d.operand.indicator] : [...new Set([d.numerator.indicator, d.denominator.indicator])];
}
