import { defaultDataDir, loadConfig, type AppConfig } from '../config/load-config';
import {
  checkDataDir,
  checkLlmEndpoint,
  checkLlmKey,
  checkMongo,
  checkPort,
  type CheckResult,
} from './doctor-checks';
import { repoResourcesDir } from './paths';

export interface DoctorOptions {
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
  print?: (line: string) => void;
}

function render(result: CheckResult): string {
  const mark = !result.ok ? '✘' : result.warning ? '⚠' : '✔';
  const fix = result.fix ? `\n    → ${result.fix.split('\n').join('\n      ')}` : '';
  return `${mark} ${result.line}${fix}`;
}

/**
 * `edn360 doctor`: checks what `serve` and `worker` need — data folder, configuration, MongoDB (or
 * an embedded mongod), LLM key and endpoint, API port — and says what to fix. Exit code 1 if any
 * check fails.
 */
export async function doctor(options: DoctorOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const print = options.print ?? ((line: string) => console.log(line));
  const results: CheckResult[] = [];
  const report = (result: CheckResult): void => {
    results.push(result);
    print(render(result));
  };

  print('EDN360 Coach — diagnóstico');
  report(await checkDataDir(defaultDataDir(env)));
  let config: AppConfig | null = null;
  try {
    config = await loadConfig({ env });
    report({ ok: true, line: 'Configuración: ajustes y variables de entorno válidos' });
  } catch (error) {
    report({
      ok: false,
      line: 'Configuración: no se pudo cargar',
      fix: error instanceof Error ? error.message : String(error),
    });
  }
  if (config) {
    const [mongo, endpoint, port] = await Promise.all([
      checkMongo(config, repoResourcesDir, env, timeoutMs),
      checkLlmEndpoint(config, timeoutMs),
      checkPort(config),
    ]);
    report(mongo);
    report(checkLlmKey(config));
    report(endpoint);
    report(port);
  } else {
    print('  (MongoDB, LLM y puerto no se comprueban sin una configuración válida)');
  }

  const failures = results.filter((result) => !result.ok).length;
  const warnings = results.filter((result) => result.ok && result.warning).length;
  print(
    failures > 0
      ? `${failures} problema(s): corrige las líneas ✘ y vuelve a ejecutar \`edn360 doctor\`.`
      : warnings > 0
        ? `\`edn360 serve\` (o \`edn360 worker\`) puede arrancar, pero revisa las líneas ⚠.`
        : 'Todo listo: `edn360 serve` (o `edn360 worker`) puede arrancar.',
  );
  return failures === 0 ? 0 : 1;
}
