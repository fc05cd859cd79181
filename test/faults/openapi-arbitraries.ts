import fc from 'fast-check';

/** A JSON Schema node as @fastify/swagger writes it from the zod schemas (only the keywords we use). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
}

/**
 * Strings that have broken web applications: SQL and script fragments, path traversal, formula
 * injection, and Unicode edge cases (lone surrogates, RTL override, zero-width, emoji sequences, NUL).
 */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE plan_node; --",
  '1; select pg_sleep(5) --',
  '" OR ""="',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '..%2F..%2Fetc%2Fpasswd',
  '/dev/zero',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","点我")',
  '+1+1',
  '@SUM(A1)',
  '\uD800',
  '\uDFFF\uD800',
  'a\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '👨‍👩‍👧‍👦🇨🇳',
  'nul\u0000byte',
  '\u0000',
  '\u0007\u001b[31mred',
  ' ',
  '',
  '\n\r\t',
  'Ａ全角　空格',
  '成都'.repeat(50),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, -1e308, 2 ** 53 + 1, '', 'x', [], [null], {}, { a: 1 }, { __proto__: { polluted: true } }, ['a', 1]];

export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => '长'.repeat(n)) },
);

const pick = (s: JsonSchema): JsonSchema[] => s.anyOf ?? s.oneOf ?? [];

/** Values that satisfy a schema, most of the time (formats are approximated). */
export function validArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (pick(s).length) return fc.oneof(...pick(s).map((x) => validArb(x, depth + 1)));
  if (s.allOf?.length) return validArb(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'date' || /\\d\{4\}-/.test(s.pattern ?? '')) return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'email') return fc.constant('someone@example.com');
      const min = s.minLength ?? 0;
      const max = Math.max(min, Math.min(s.maxLength ?? 30, 30));
      return fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }).map((x) => (x.trim().length >= min ? x : 'x'.repeat(Math.max(min, 1))));
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
      return fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object':
      return objectArb(s, depth);
    default:
      return fc.constantFrom('x', 1, null);
  }
}

function objectArb(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = validArb(v, depth + 1);
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** The leaf paths of an object schema, for picking a field to break. */
function fieldsOf(s: JsonSchema | undefined): string[] {
  return s?.properties ? Object.keys(s.properties) : [];
}

export type Mutation = 'valid' | 'hostile-field' | 'wrong-type' | 'missing' | 'extra' | 'whole-body' | 'huge';

/** A request body: mostly near-valid with one thing broken, so validation and the services behind it are both reached. */
export function bodyArb(s: JsonSchema | undefined): fc.Arbitrary<{ mutation: Mutation; body: unknown }> {
  const base = s ? validArb(s) : fc.constant({});
  const fields = fieldsOf(s);
  const field = fields.length ? fc.constantFrom(...fields) : fc.constant('x');
  const required = s?.required?.length ? fc.constantFrom(...s.required) : field;
  const withField = (f: string, v: unknown) => (b: unknown) => (b && typeof b === 'object' && !Array.isArray(b) ? { ...b, [f]: v } : { [f]: v });
  return fc.oneof(
    { weight: 3, arbitrary: base.map((body) => ({ mutation: 'valid' as const, body })) },
    { weight: 3, arbitrary: fc.tuple(base, field, hostileString).map(([b, f, v]) => ({ mutation: 'hostile-field' as const, body: withField(f, v)(b) })) },
    { weight: 3, arbitrary: fc.tuple(base, field, fc.constantFrom(...WRONG_TYPES)).map(([b, f, v]) => ({ mutation: 'wrong-type' as const, body: withField(f, v)(b) })) },
    {
      weight: 2,
      arbitrary: fc.tuple(base, required).map(([b, f]) => {
        const copy = b && typeof b === 'object' && !Array.isArray(b) ? { ...(b as Record<string, unknown>) } : {};
        delete copy[f];
        return { mutation: 'missing' as const, body: copy };
      }),
    },
    { weight: 2, arbitrary: fc.tuple(base, fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'createdBy', 'version'), fc.constantFrom<unknown>('x', 1, { admin: true })).map(([b, f, v]) => ({ mutation: 'extra' as const, body: withField(f, v)(b) })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'string', 42, true, [{}]).map((body) => ({ mutation: 'whole-body' as const, body })) },
    { weight: 1, arbitrary: fc.tuple(base, field, fc.integer({ min: 50_000, max: 300_000 })).map(([b, f, n]) => ({ mutation: 'huge' as const, body: withField(f, 'A'.repeat(n))(b) })) },
  );
}

/** A value for one path or query parameter: valid, a known id, or hostile. Always a string: it goes in a URL. */
export function paramArb(s: JsonSchema | undefined, knownIds: string[]): fc.Arbitrary<string> {
  const valid = validArb(s).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof(
    { weight: knownIds.length ? 4 : 0, arbitrary: knownIds.length ? fc.constantFrom(...knownIds) : fc.constant('x') },
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1.5', 'true', '99999999999999999999', 'a'.repeat(5_000)) },
  );
}

/** Percent-encodes a path segment; lone surrogates (which encodeURIComponent refuses) become raw invalid UTF-8 escapes. */
export function encodeSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%_.~-]/g, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return '%FF';
      }
    });
  }
}
