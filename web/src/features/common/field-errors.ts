import type { FieldError } from '../../api/client';

export type FormFieldError<N extends string> = { name: N; errors: string[] };

/**
 * Maps a 400 VALIDATION_FAILED's `fields` onto form fields (path "roles.0" → field "roles").
 * `complete` is true when every server error found a field, so no banner is needed.
 */
export function toFormFieldErrors<N extends string>(
  fields: readonly FieldError[],
  names: readonly N[],
): { errors: FormFieldError<N>[]; complete: boolean } {
  const byName = new Map<N, string[]>();
  let unmatched = 0;
  for (const field of fields) {
    const name = names.find((n) => n === field.path.split('.')[0]);
    if (name === undefined) unmatched += 1;
    else byName.set(name, [...(byName.get(name) ?? []), field.message]);
  }
  const errors = [...byName].map(([name, messages]) => ({ name, errors: messages }));
  return { errors, complete: unmatched === 0 && errors.length > 0 };
}
