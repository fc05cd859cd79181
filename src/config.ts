import { z } from 'zod';

/** Environment variables the platform reads. Parsed once at boot; a bad value stops the process with every problem listed. */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  SHUANGCHENG_ADMIN_PASSWORD: z.string().min(10).optional(),
  SHUANGCHENG_DATA_DIR: z.string().default('var'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(8 * 60),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** A folder with an approved map (审图号) to use instead of the shipped schematic boundaries. */
  SHUANGCHENG_GEO_DIR: z.string().optional(),
  /** smtp://user:pass@host:587 — e-mail copies of notifications; unset means in-app only. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().default('双城 <noreply@localhost>'),
  /** How often each process looks for due background jobs (reminders, e-mail). */
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Days before an agreement's term ends that its parties and the office are reminded (issue 8). */
  AGREEMENT_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
});
export type TConfig = z.infer<typeof ZConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Parses the given environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): TConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZConfig.safeParse(blanksRemoved);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return Object.freeze(result.data);
}
