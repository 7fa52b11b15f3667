import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../../src/shared/user';
import { ClientNameDirectory, type ClientNameSource } from '../../../src/renderer/src/clients/client-names';

function user(id: string, name: string): User {
  const at = new Date('2025-01-01T00:00:00Z');
  return {
    _id: id,
    nombre_completo: name,
    email: null,
    telefono: null,
    notas: null,
    archived: false,
    created_at: at,
    updated_at: at,
  };
}

/** A fake API over `users`, counting calls. */
function source(users: User[]) {
  const calls = { list: 0, get: 0 };
  const api: ClientNameSource = {
    listClients: async ({ limit, offset }) => {
      calls.list += 1;
      return { items: users.slice(offset, offset + limit), total: users.length };
    },
    getClient: async (id) => {
      calls.get += 1;
      const found = users.find((u) => u._id === id);
      if (!found) throw new Error('user_not_found');
      return found;
    },
  };
  return { api, calls, users };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('client names for Trabajos', () => {
  it('resolves the ids on screen in one batch, each once; ids without a client stay ids', async () => {
    const { api, calls } = source([user('a', 'Ana'), user('b', 'Bruno')]);
    const names = new ClientNameDirectory(api, { now: () => Date.now() });
    let notified = 0;
    names.subscribe(() => (notified += 1));
    names.request(['a', 'b', 'ghost']);
    names.request(['a', 'b']);
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toEqual({ list: 1, get: 0 });
    expect([names.nameOf('a'), names.nameOf('b'), names.nameOf('ghost')]).toEqual([
      'Ana',
      'Bruno',
      undefined,
    ]);
    expect(notified).toBe(1);
    // Scrolling back over the same ids (and the one without a client) asks for nothing.
    names.request(['a', 'b', 'ghost']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual({ list: 1, get: 0 });
  });

  it('a new id reloads the directory, at most once per throttle window', async () => {
    const { api, calls, users } = source([user('a', 'Ana')]);
    const names = new ClientNameDirectory(api, { minReloadMs: 3000, now: () => Date.now() });
    names.request(['a']);
    await vi.advanceTimersByTimeAsync(50);
    users.push(user('c', 'Carmen'));
    names.request(['c']);
    names.request(['d']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.list).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls.list).toBe(2);
    expect(names.nameOf('c')).toBe('Carmen');
  });

  it('with more clients than it loads whole, looks up only the ids asked for', async () => {
    const many = Array.from({ length: 30 }, (_, i) => user(`u${i}`, `Cliente ${i}`));
    const { api, calls } = source(many);
    const names = new ClientNameDirectory(api, { pageSize: 5, maxDirectory: 10, now: () => Date.now() });
    names.request(['u1', 'u25', 'u29', 'nobody']);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.list).toBe(2);
    expect(calls.get).toBe(3);
    expect([names.nameOf('u1'), names.nameOf('u25'), names.nameOf('u29')]).toEqual([
      'Cliente 1',
      'Cliente 25',
      'Cliente 29',
    ]);
    names.request(['u25', 'nobody']);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.get).toBe(3);
  });

  it('a client saved in the app is known at once', () => {
    const { api } = source([]);
    const names = new ClientNameDirectory(api);
    names.remember(user('n', 'Nuevo'));
    expect(names.nameOf('n')).toBe('Nuevo');
  });
});
