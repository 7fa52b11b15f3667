import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import type { TransferProgress } from '../api/coach-client';
import { errorText } from '../components/error-text';
import { formatNumber } from '../format';
import { formatBytes, TransferProgressBar } from './transfer-parts';

/*
 * Ajustes → a backup now (issue #18 point 1), optionally encrypted with a passphrase typed twice;
 * saved with the system dialog (desktop) or downloaded (browser).
 */

const MIN_PASSPHRASE = 8;

export function CreateBackupSection({ onMade }: { onMade(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tooShort = passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE;
  const mismatch = passphrase.length > 0 && again !== passphrase;

  async function create(): Promise<void> {
    setBusy(true);
    setDone(null);
    setError(null);
    setProgress(null);
    try {
      const made = await api.createBackup(passphrase || undefined, setProgress);
      if (made) {
        setDone(
          made.documents === null
            ? t('settings.backups.createdDownload', { file: made.file, size: formatBytes(made.bytes) })
            : t('settings.backups.created', {
                file: made.file,
                documents: formatNumber(made.documents),
                size: formatBytes(made.bytes),
              }),
        );
        setPassphrase('');
        setAgain('');
        onMade();
      }
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Group align="flex-start">
        <PasswordInput
          label={t('settings.backups.passphrase')}
          description={t('settings.backups.passphraseHelp')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={tooShort ? t('settings.backups.passphraseTooShort') : undefined}
          w={320}
          data-testid="backup-passphrase"
        />
        {passphrase.length > 0 && (
          <PasswordInput
            label={t('settings.backups.passphraseAgain')}
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={again.length > 0 && mismatch ? t('settings.backups.passphraseMismatch') : undefined}
            w={320}
            mt={22}
            data-testid="backup-passphrase-again"
          />
        )}
      </Group>
      <Group>
        <Button
          onClick={() => void create()}
          loading={busy}
          disabled={tooShort || mismatch}
          data-testid="backup-create"
        >
          {t('settings.backups.create')}
        </Button>
      </Group>
      {busy && <TransferProgressBar progress={progress} testId="backup-create-progress" />}
      {done && (
        <Alert color="teal" data-testid="backup-created">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="backup-create-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
