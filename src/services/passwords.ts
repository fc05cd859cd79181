import { hash, verify } from '@node-rs/argon2';
import { checkPassword, DomainError } from '../domain';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum), ~20 ms a hash here.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPassword(password, username);
  if (problems.length) throw new DomainError('PASSWORD_POLICY', { problems });
}

// A hash of a random password, verified against when the user name is unknown, so that a wrong user
// name takes as long as a wrong password and does not reveal which accounts exist.
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hash(`decoy-${Math.random()}`);
  return decoy;
}
