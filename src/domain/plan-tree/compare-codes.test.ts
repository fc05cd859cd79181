import { describe, expect, it } from 'vitest';
import { compareCodes } from './compare-codes';

describe('compareCodes', () => {
  it('sorts outline codes as people read them', () => {
    expect(['3.10', '3.9', '3', '10.1', '3.1.2', '3.1'].sort(compareCodes)).toEqual(['3', '3.1', '3.1.2', '3.9', '3.10', '10.1']);
  });
});
