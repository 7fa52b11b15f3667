import { describe, expect, it } from 'vitest';
import { IPC_CONTRACT, IPC_METHOD_CHANNELS, type IpcMethod } from '../../../src/shared/ipc-contract';
import {
  dispatch,
  registerIpcHandlers,
  type IpcHandlers,
  type IpcMainLike,
} from '../../../src/main/electron/ipc/dispatch';
import { IpcFailure } from '../../../src/main/electron/ipc/errors';
import type { FrameLike } from '../../../src/main/electron/ipc/sender';
import { silentLogger } from '../../../src/main/log/logger';
import { appFrame, builtLocation, frame } from './fakes';

// Electron's ipcMain and the caller's senderFrame are faked at the boundary; handlers are stubs.
const options = { location: builtLocation, logger: silentLogger() };
const caller = { webContentsId: 1 };
const user = {
  _id: 'c-1',
  nombre_completo: 'Ana Ruiz',
  email: null,
  telefono: null,
  notas: null,
  archived: false,
  created_at: new Date('2026-01-01T00:00:00Z'),
  updated_at: new Date('2026-01-01T00:00:00Z'),
};

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unexpected = async (): Promise<never> => {
    throw new Error('handler not expected in this test');
  };
  const all = Object.fromEntries(Object.keys(IPC_CONTRACT).map((method) => [method, unexpected]));
  return { ...all, ...overrides } as IpcHandlers;
}

describe('dispatch: argument validation', () => {
  it('refuses bad arguments with validation_error naming the field, without calling the handler', async () => {
    let called = false;
    const h = handlers({
      getClient: async () => {
        called = true;
        return user;
      },
    });
    const reply = await dispatch('getClient', [{ id: 42 }], appFrame, caller, h, options);
    expect(called).toBe(false);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.reason).toBe('validation_error');
    expect(reply.error.fields?.map((f) => f.field)).toEqual(['args.id']);
    expect(reply.error.message).toContain('args.id');
  });

  it('names unknown keys and missing required fields', async () => {
    const extra = await dispatch(
      'createClient',
      [{ nombre_completo: 'Ana', extra: 1 }],
      appFrame,
      caller,
      handlers(),
      options,
    );
    expect(!extra.ok && extra.error.fields?.map((f) => f.field)).toEqual(['args.extra']);
    const missing = await dispatch(
      'generatePlan',
      [{ user_id: 'u', type: 'full' }],
      appFrame,
      caller,
      handlers(),
      options,
    );
    expect(!missing.ok && missing.error.fields?.map((f) => f.field)).toEqual(['args.submission_id']);
    const badEnum = await dispatch(
      'generatePlan',
      [{ user_id: 'u', submission_id: 's', type: 'both' }],
      appFrame,
      caller,
      handlers(),
      options,
    );
    expect(!badEnum.ok && badEnum.error.fields?.[0]).toMatchObject({ field: 'args.type' });
  });

  it('refuses more than one positional argument', async () => {
    const reply = await dispatch('getClient', [{ id: 'a' }, 'extra'], appFrame, caller, handlers(), options);
    expect(!reply.ok && reply.error).toMatchObject({
      reason: 'validation_error',
      fields: [{ field: 'args' }],
    });
  });

  it('accepts no arguments for methods whose arguments are optional', async () => {
    const h = handlers({ listClients: async () => ({ items: [user], total: 1, limit: 50, offset: 0 }) });
    const reply = await dispatch('listClients', [], appFrame, caller, h, options);
    expect(reply).toEqual({ ok: true, data: { items: [user], total: 1, limit: 50, offset: 0 } });
  });

  it('applies schema defaults before the handler runs', async () => {
    let seen: unknown = null;
    const h = handlers({
      archiveClient: async (args) => {
        seen = args;
        return { ...user, archived: true };
      },
    });
    await dispatch('archiveClient', [{ id: 'c-1' }], appFrame, caller, h, options);
    expect(seen).toEqual({ id: 'c-1', archived: true });
  });
});

describe('dispatch: sender validation', () => {
  const cases: Array<[string, FrameLike | null]> = [
    ['a null senderFrame', null],
    ['another site', frame('https://evil.example/')],
    ['another local file', frame('file:///tmp/evil.html')],
    ['a sub-frame', frame(builtLocation.fileUrl, appFrame)],
  ];
  it.each(cases)('rejects %s with forbidden_sender before validating anything', async (_name, sender) => {
    const reply = await dispatch('getClient', [{ id: 'c-1' }], sender, caller, handlers(), options);
    expect(!reply.ok && reply.error.reason).toBe('forbidden_sender');
  });
});

describe('dispatch: outcomes as envelopes', () => {
  it('passes an IpcFailure through with its reason and fields', async () => {
    const h = handlers({
      getClient: async () => {
        throw new IpcFailure('user_not_found', 'No existe', [{ field: 'args.id', code: 'x', message: 'y' }]);
      },
    });
    const reply = await dispatch('getClient', [{ id: 'c-9' }], appFrame, caller, h, options);
    expect(reply).toEqual({
      ok: false,
      error: {
        reason: 'user_not_found',
        message: 'No existe',
        fields: [{ field: 'args.id', code: 'x', message: 'y' }],
      },
    });
  });

  it('hides unexpected errors behind internal_error (no internals reach the renderer)', async () => {
    const h = handlers({
      getClient: async () => {
        throw new Error('mongodb://admin:secret@db failed');
      },
    });
    const reply = await dispatch('getClient', [{ id: 'c-1' }], appFrame, caller, h, options);
    expect(!reply.ok && reply.error.reason).toBe('internal_error');
    expect(JSON.stringify(reply)).not.toContain('secret');
  });

  it('refuses a result that does not match the contract', async () => {
    const h = handlers({ getClient: async () => ({ ...user, email: 42 }) as unknown as typeof user });
    const reply = await dispatch('getClient', [{ id: 'c-1' }], appFrame, caller, h, options);
    expect(!reply.ok && reply.error.reason).toBe('internal_error');
  });

  it('strips fields the contract does not list from results', async () => {
    const h = handlers({ getClient: async () => ({ ...user, password_hash: 'x' }) });
    const reply = await dispatch('getClient', [{ id: 'c-1' }], appFrame, caller, h, options);
    expect(reply.ok && reply.data).toEqual(user);
  });

  it('hands the handler the caller window', async () => {
    let seen = 0;
    const h = handlers({
      rendererReady: (_args, who) => {
        seen = who.webContentsId;
        return null;
      },
    });
    await dispatch('rendererReady', [], appFrame, { webContentsId: 7 }, h, options);
    expect(seen).toBe(7);
  });
});

describe('registerIpcHandlers', () => {
  function fakeIpcMain() {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
        registered.set(channel, listener);
      },
      removeHandler: (channel) => registered.delete(channel),
    };
    return { ipcMain, registered };
  }

  it('registers exactly one handler per contract channel and removes them all', () => {
    const { ipcMain, registered } = fakeIpcMain();
    const dispose = registerIpcHandlers(ipcMain, handlers(), options);
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_METHOD_CHANNELS).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('routes an invoke through sender check and validation', async () => {
    const { ipcMain, registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, handlers({ getClient: async () => user }), options);
    const listener = registered.get(IPC_METHOD_CHANNELS.getClient)!;
    expect(await listener({ senderFrame: appFrame, sender: { id: 1 } }, { id: 'c-1' })).toEqual({
      ok: true,
      data: user,
    });
    expect(await listener({ senderFrame: null, sender: { id: 1 } }, { id: 'c-1' })).toMatchObject({
      ok: false,
      error: { reason: 'forbidden_sender' },
    });
    expect(await listener({ senderFrame: appFrame, sender: { id: 1 } }, { id: '' })).toMatchObject({
      ok: false,
      error: { reason: 'validation_error', fields: [{ field: 'args.id' }] },
    });
  });
});

describe('the contract', () => {
  it('has a unique channel per method, namespaced by domain', () => {
    const channels = Object.values(IPC_METHOD_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    for (const method of Object.keys(IPC_CONTRACT) as IpcMethod[]) {
      expect(IPC_CONTRACT[method].channel).toBe(IPC_METHOD_CHANNELS[method]);
      expect(IPC_CONTRACT[method].channel).toMatch(/^[a-z]+:[a-z-]+$/);
    }
  });

  it('never lets the settings view carry a secret field', () => {
    const view = IPC_CONTRACT.getSettings.result;
    const base = {
      data_dir: '/d',
      settings_file: '/d/settings.json',
      values: {
        mongo_url: null,
        db_name: 'edn360',
        llm_base_url: null,
        llm_model: 'm',
        api_host: '127.0.0.1',
        api_port: 8360,
        worker_concurrency: 2,
        job_timeout_ms: 1000,
        poll_interval_ms: 1000,
        language: 'es',
        plan_language: 'es',
        theme: 'auto',
        coach_name: null,
        coach_contact: null,
        coach_logo: null,
        agent_models: {},
        prices: {},
        backup_keep: 7,
        backup_dir: null,
      },
      env_overrides: [],
      llm_api_key: { configured: true, source: 'settings', encrypted_at_rest: true, storage_backend: null },
      restart_required: false,
    };
    expect(view.safeParse(base).success).toBe(true);
    expect(view.safeParse({ ...base, api_token: 'x' }).success).toBe(false);
    expect(view.safeParse({ ...base, llm_api_key_encrypted: 'x' }).success).toBe(false);
  });
});
