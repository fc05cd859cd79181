export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

export interface LoginFailureState {
  failedLogins: number;
  lockedUntil: string | null;
}

export function isLocked(state: LoginFailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now.toISOString();
}

/** After `threshold` consecutive failures the account is locked for `minutes`; the count restarts after the lock. */
export function afterFailedLogin(state: LoginFailureState, now: Date, policy: LockoutPolicy): LoginFailureState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins >= policy.threshold) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.minutes * 60_000).toISOString() };
  }
  return { failedLogins, lockedUntil: state.lockedUntil };
}
