import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { BackupPassphraseSchema, type TransferProgress } from '@shared/backup';
import type { ProgressListener } from '../application/document-transfer';
import { CliError } from './errors';

/*
 * A long command's terminal: progress bars (cli-progress on stderr, or a line every ~10 % when
 * stderr is not a terminal), questions, and passphrases typed without echo. Answers go to stdout.
 */

export const PASSPHRASE_ENV = 'EDN_BACKUP_PASSPHRASE';

const OPERATION_LABEL: Record<TransferProgress['operation'], string> = {
  backup: 'Copiando',
  verify: 'Comprobando la copia',
  preview: 'Comparando',
  restore: 'Restaurando',
  move: 'Moviendo',
};

interface ProgressDisplay {
  listener: ProgressListener;
  stop(): void;
}

/** Reading a backup file: how many documents it holds is known only at its end. */
const unknownTotal = (progress: TransferProgress): boolean => progress.operation === 'verify';

/** A bar on a terminal (cli-progress, on stderr); otherwise one line each ~10 %. */
function progressDisplay(): ProgressDisplay {
  if (process.stderr.isTTY) {
    let bar: SingleBar | null = null;
    let operation: string | null = null;
    const stop = (): void => {
      bar?.stop();
      bar = null;
    };
    return {
      listener: (progress) => {
        if (progress.operation !== operation || !bar) {
          stop();
          operation = progress.operation;
          bar = new SingleBar({
            stream: process.stderr,
            format: unknownTotal(progress)
              ? `${OPERATION_LABEL[progress.operation].padEnd(21)} {value} documentos leídos {collection}`
              : `${OPERATION_LABEL[progress.operation].padEnd(21)} |{bar}| {percentage}% · {value}/{total} {collection}`,
            hideCursor: true,
            clearOnComplete: false,
          });
          bar.start(Math.max(progress.total, 1), 0, { collection: '' });
        }
        bar.setTotal(Math.max(progress.total, 1));
        bar.update(progress.done, { collection: progress.collection ?? '' });
      },
      stop,
    };
  }
  let decile = -1;
  let last: TransferProgress | null = null;
  let lastCounted = 0;
  const line = (progress: TransferProgress): void => {
    if (unknownTotal(progress)) {
      process.stderr.write(`${OPERATION_LABEL[progress.operation]}: ${progress.done} documentos leídos\n`);
      lastCounted = progress.done;
      return;
    }
    const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 100;
    process.stderr.write(
      `${OPERATION_LABEL[progress.operation]}: ${percent} % (${progress.done}/${progress.total} documentos)\n`,
    );
  };
  /** The end of an operation whose total was unknown: how many it read. */
  const finish = (): void => {
    if (last && unknownTotal(last) && last.done !== lastCounted) line(last);
  };
  return {
    listener: (progress) => {
      if (progress.operation !== last?.operation) {
        finish();
        decile = -1;
        lastCounted = 0;
      }
      last = progress;
      if (unknownTotal(progress)) {
        if (progress.done - lastCounted >= 10_000) line(progress);
        return;
      }
      const now = progress.total > 0 ? Math.floor((progress.done / progress.total) * 10) : 10;
      if (now > decile) {
        decile = now;
        line(progress);
      }
    },
    stop: finish,
  };
}

export async function withProgress<T>(work: (listener: ProgressListener) => Promise<T>): Promise<T> {
  const display = progressDisplay();
  try {
    return await work(display.listener);
  } finally {
    display.stop();
  }
}

/** One line from stdin (a terminal or a pipe); an empty answer at the end of the input. */
export function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  return new Promise((resolveAnswer) => {
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolveAnswer(answer);
    });
    rl.once('close', () => {
      if (!answered) resolveAnswer('');
    });
  });
}

/** A passphrase typed on the terminal without echo. */
export function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  let asking = true;
  Object.assign(rl, {
    _writeToOutput: (text: string) => {
      if (asking) process.stderr.write(text);
    },
  });
  return new Promise((resolveAnswer) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolveAnswer(answer);
    });
    asking = false;
  });
}

export async function confirm(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  const answer = (await ask(`${question} (s/N) `)).trim().toLowerCase();
  return answer === 's' || answer === 'si' || answer === 'sí' || answer === 'y' || answer === 'yes';
}

export function checkedPassphrase(value: string): string {
  const parsed = BackupPassphraseSchema.safeParse(value);
  if (!parsed.success)
    throw new CliError(
      `La contraseña de la copia necesita ${parsed.error.issues[0]?.message ?? 'al menos 8 caracteres'}.`,
    );
  return parsed.data;
}

/** The passphrase of a new encrypted backup: the environment, or asked twice on a terminal. Never argv. */
export async function newPassphrase(): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return checkedPassphrase(fromEnv);
  if (!process.stdin.isTTY)
    throw new CliError(
      `Para cifrar la copia, define la variable ${PASSPHRASE_ENV} o ejecuta el comando en un terminal para escribir la contraseña.`,
    );
  const first = checkedPassphrase(await askHidden('Contraseña de la copia (no se muestra): '));
  const second = await askHidden('Repite la contraseña: ');
  if (first !== second) throw new CliError('Las dos contraseñas no coinciden: no se ha creado la copia.');
  return first;
}
