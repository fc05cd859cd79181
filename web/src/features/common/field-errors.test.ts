import { describe, expect, it } from 'vitest';
import { toFormFieldErrors } from './field-errors';

describe('toFormFieldErrors', () => {
  it('maps dotted paths to their head field and groups messages', () => {
    const result = toFormFieldErrors(
      [
        { path: 'roles.0', message: 'bad role' },
        { path: 'roles.1', message: 'bad role 2' },
        { path: 'title', message: 'required' },
      ],
      ['title', 'roles'] as const,
    );
    expect(result.errors).toEqual([
      { name: 'roles', errors: ['bad role', 'bad role 2'] },
      { name: 'title', errors: ['required'] },
    ]);
    expect(result.complete).toBe(true);
  });

  it('is incomplete when a path has no field (e.g. an unknown body field)', () => {
    const result = toFormFieldErrors([{ path: 'extra', message: 'unknown field' }], ['title'] as const);
    expect(result).toEqual({ errors: [], complete: false });
  });
});
