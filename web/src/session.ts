// The signed-in user for this page's lifetime (memory only) and the caller's unit subtree,
// fetched once per session for the unit pickers.
import { get, setCsrfToken } from './api';
import type { SessionAnswer, Unit, User } from './types';

let user: User | null = null;
let unitsPromise: Promise<Unit[]> | null = null;

export function currentUser(): User | null {
  return user;
}

export function startSession(answer: SessionAnswer): void {
  user = answer.user;
  setCsrfToken(answer.csrf_token);
  unitsPromise = null;
}

export function endSession(): void {
  user = null;
  setCsrfToken(null);
  unitsPromise = null;
}

// The caller's subtree in tree order (GET /units without root).
export function myUnits(): Promise<Unit[]> {
  if (!unitsPromise) {
    unitsPromise = get<{ units: Unit[] }>('/units').then((r) => r.units).catch((e) => {
      unitsPromise = null;
      throw e;
    });
  }
  return unitsPromise;
}

// After units were added, moved or merged: the next picker reads the subtree again.
export function forgetMyUnits(): void {
  unitsPromise = null;
}

// Roles that may write in their subtree.
export function canWrite(): boolean {
  return user !== null && user.role !== 'viewer';
}

// Publishing and archiving plans is a manager's decision (docs/api.md roles).
export function canPublish(): boolean {
  return user !== null && (user.role === 'manager' || user.role === 'admin');
}
