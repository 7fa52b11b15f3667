import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { runCli, startCli } from '../../support/spawn-cli';
import { waitFor } from '../../support/worker-harness';

// These run the built CLI (out/main/cli.js), as a user would after `npm ci && npm run build`;
// scripts/run-tests.mjs builds first when the output is missing.
describe('edn360 CLI', () => {
  it('serve: starts the core on the configured MongoDB and answers /health with the database state', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-serve-'));
    const cli = await startCli(['serve'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: inject('mongoUri'),
      EDN_DB_NAME: 'edn_cli_serve',
      EDN_API_PORT: '0',
    });
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // /health says only up or down without the token; the details need it (issue #17 point 6).
      const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
        api_token: string;
      };
      const withToken = { headers: { authorization: `Bearer ${settings.api_token}` } };
      const open = await fetch(`${cli.url}/health`);
      expect(open.status).toBe(200);
      expect(await open.json()).toEqual({ status: expect.stringMatching(/^(ok|degraded)$/) });
      const response = await fetch(`${cli.url}/health`, withToken);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ database: { ok: true, mode: 'configured' } });
      expect(cli.stdout()).toContain('Base de datos: «edn_cli_serve»');
      expect(cli.stdout()).toContain('nombre de EDN_DB_NAME');
      expect(cli.stdout()).not.toMatch(/configured|embedded/);
      // The built worker process (out/main/worker.js) comes up under the CLI's supervisor.
      await waitFor(
        async () => {
          const health = (await (await fetch(`${cli.url}/health`, withToken)).json()) as {
            status: string;
            worker: { state: string };
          };
          return health.status === 'ok' && health.worker.state === 'running';
        },
        20_000,
        'worker running',
      );
      // Even with the token, /health shows no connection strings and no tokens.
      expect(JSON.stringify(body)).not.toContain('mongodb://');
      // The token location is printed, the token itself is not.
      expect(cli.stdout()).toContain('settings.json');
      expect(cli.stdout()).not.toContain(settings.api_token);

      // The renderer's web build at `/`, with its assets.
      const page = await fetch(`${cli.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('<title>EDN360 Coach</title>');
      const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      expect((await fetch(`${cli.url}/${asset}`)).status).toBe(200);
      // Unknown paths are JSON 404s, not the page.
      expect((await (await fetch(`${cli.url}/no-existe`)).json()) as object).toMatchObject({
        error: 'not_found',
      });

      // Admin routes with the token stored at first run.
      const admin = await fetch(`${cli.url}/admin/users`, {
        headers: { authorization: `Bearer ${settings.api_token}` },
      });
      expect(admin.status).toBe(200);
      expect((await fetch(`${cli.url}/admin/users`)).status).toBe(401);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
  });

  it('serve uses the database named in EDN_MONGO_URL and says which one it uses', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-serve-dbname-'));
    const url = new URL(inject('mongoUri'));
    url.pathname = '/edn_cli_url_db';
    const cli = await startCli(['serve'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: url.toString(),
      EDN_DB_NAME: '',
      EDN_API_PORT: '0',
      EDN_API_TOKEN: 'token-de-prueba-0123456789abcdef',
    });
    try {
      expect(cli.stdout()).toMatch(/Base de datos: «edn_cli_url_db» en mongodb:\/\/.*ruta de EDN_MONGO_URL/);
      const created = await fetch(`${cli.url}/admin/users`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer token-de-prueba-0123456789abcdef',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ _id: 'cliente-url-db', nombre_completo: 'Ana Ruiz' }),
      });
      expect(created.status).toBe(201);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
    const client = await MongoClient.connect(inject('mongoUri'));
    try {
      expect(
        await client
          .db('edn_cli_url_db')
          .collection('users')
          .countDocuments({ _id: 'cliente-url-db' } as never),
      ).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('serve without any mongod: one clear message naming every option, no stack trace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-nomongo-'));
    const result = await runCli(['serve'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: '',
      MONGOMS_SYSTEM_BINARY: join(dataDir, 'no-such-mongod'),
      EDN_API_PORT: '0',
    });
    expect(result.code).toBe(1);
    for (const option of [
      'EDN_MONGO_URL',
      'MONGOMS_SYSTEM_BINARY',
      'resources/mongod/',
      'mongodb-binaries',
    ]) {
      expect(result.stderr).toContain(option);
    }
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('serve with an unreachable EDN_MONGO_URL names the address and what to check', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-badurl-'));
    const result = await runCli(['serve'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: 'mongodb://user:secreto@127.0.0.1:1/edn?serverSelectionTimeoutMS=500',
      EDN_API_PORT: '0',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No se pudo conectar a MongoDB en mongodb://user:***@127.0.0.1:1');
    expect(result.stderr).not.toContain('secreto');
  });

  it('serve on a network address without EDN_API_TOKEN refuses to start and says why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-bind-'));
    const result = await runCli(['serve'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: inject('mongoUri'),
      EDN_API_HOST: '0.0.0.0',
      EDN_API_PORT: '0',
      EDN_API_TOKEN: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('EDN_API_TOKEN');
    expect(result.stderr).toContain('0.0.0.0');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('unknown commands and --help', async () => {
    const unknown = await runCli(['bailar'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Comando desconocido');
    const help = await runCli(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of ['edn360 serve', 'edn360 worker', 'edn360 doctor'])
      expect(help.stdout).toContain(command);
  });
});
