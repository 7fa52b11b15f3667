import {
  Alert,
  Button,
  Checkbox,
  Code,
  FileButton,
  Group,
  PasswordInput,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRun } from '@shared/backup';
import { useClient } from '../api/client-store';
import {
  ClientError,
  type BackupFileRef,
  type BackupStatus,
  type ConflictRule,
  type RestoreOutcome,
  type TransferPreview,
  type TransferProgress,
} from '../api/coach-client';
import { errorText } from '../components/error-text';
import { formatDateTime, formatNumber } from '../format';
import { formatBytes, total, TransferPreviewTable, TransferProgressBar } from './transfer-parts';

/*
 * Ajustes → Copias de seguridad (issue #18 points 1 and 2): when the last backups were made, the
 * automatic ones' folder and how many are kept; a backup now (optionally encrypted); and a restore
 * in three steps — the file, its preview against the database, the rule and confirmation — with a
 * progress bar fed by the transport's TransferProgress.
 */

const RULES: readonly ConflictRule[] = ['keep', 'replace', 'exact'];
const MIN_PASSPHRASE = 8;
const PASSPHRASE_CODES = new Set(['backup_passphrase_required', 'backup_wrong_passphrase']);

function RunLine({ run, testId }: { run: BackupRun | null; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid={testId}>
      {run
        ? `${t('settings.backups.runLine', {
            at: formatDateTime(run.at),
            file: run.file_name,
            documents: formatNumber(run.documents),
            size: formatBytes(run.bytes),
          })}${run.encrypted ? ` · ${t('settings.backups.encryptedTag')}` : ''}`
        : t('settings.backups.never')}
    </Text>
  );
}

function StatusBlock({ status }: { status: BackupStatus }): React.JSX.Element {
  const { t } = useTranslation();
  const { automatic } = status;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('settings.backups.last')}
      </Text>
      <RunLine run={status.last} testId="backup-last" />
      <Text size="sm" fw={500}>
        {t('settings.backups.lastAutomatic')}
      </Text>
      <RunLine run={status.last_automatic} testId="backup-last-automatic" />
      <Text size="sm" fw={500}>
        {t('settings.backups.folder')}
      </Text>
      <Code data-testid="backup-folder">{automatic.folder}</Code>
      <Text size="sm" c="dimmed" data-testid="backup-keep">
        {automatic.keep > 0
          ? t('settings.backups.keep', { count: automatic.keep })
          : t('settings.backups.off')}
        {automatic.next_due_at
          ? ` ${t('settings.backups.nextDue', { at: formatDateTime(automatic.next_due_at) })}`
          : ''}
      </Text>
    </Stack>
  );
}

function CreateBackup({ onMade }: { onMade(): void }): React.JSX.Element {
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

function RestoreBackup({ onRestored }: { onRestored(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [file, setFile] = useState<BackupFileRef | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [preview, setPreview] = useState<TransferPreview | null>(null);
  const [rule, setRule] = useState<ConflictRule>('keep');
  const [applySettings, setApplySettings] = useState(false);
  const [exactConfirmed, setExactConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [result, setResult] = useState<RestoreOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset(): void {
    setFile(null);
    setPassphrase('');
    setNeedsPassphrase(false);
    setPreview(null);
    setRule('keep');
    setApplySettings(false);
    setExactConfirmed(false);
    setProgress(null);
    setError(null);
  }

  async function check(chosen: BackupFileRef, secret: string): Promise<void> {
    setBusy(true);
    setError(null);
    setPreview(null);
    setProgress(null);
    try {
      setPreview(await api.previewRestore(chosen, secret || undefined, setProgress));
    } catch (failure) {
      if (failure instanceof ClientError && PASSPHRASE_CODES.has(failure.code)) setNeedsPassphrase(true);
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function chosen(next: BackupFileRef | null): Promise<void> {
    if (!next) return;
    reset();
    setResult(null);
    setFile(next);
    await check(next, '');
  }

  async function choose(): Promise<void> {
    try {
      await chosen(await api.chooseBackupFile());
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  async function restore(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const outcome = await api.restoreBackup(
        file,
        { rule, apply_settings: applySettings, ...(passphrase ? { passphrase } : {}) },
        setProgress,
      );
      reset();
      setResult(outcome);
      onRestored();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const chooseButton =
    api.capabilities.backupFiles === 'upload' ? (
      <FileButton
        onChange={(picked) => void chosen(picked && { name: picked.name, upload: picked })}
        accept=".edn360bak,application/octet-stream"
      >
        {(props) => (
          <Button variant="default" disabled={busy} data-testid="backup-restore" {...props}>
            {t('settings.backups.restore')}
          </Button>
        )}
      </FileButton>
    ) : (
      <Button variant="default" disabled={busy} onClick={() => void choose()} data-testid="backup-restore">
        {t('settings.backups.restore')}
      </Button>
    );

  return (
    <Stack gap="xs">
      <Group>{chooseButton}</Group>
      {file && (
        <Text size="sm" data-testid="backup-restore-file">
          {t('settings.backups.chosenFile', { name: file.name })}
        </Text>
      )}
      {file && needsPassphrase && !preview && (
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.backups.restorePassphrase')}
            description={t('settings.backups.restorePassphraseHelp')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            w={320}
            data-testid="backup-restore-passphrase"
          />
          <Button
            variant="default"
            disabled={!passphrase || busy}
            onClick={() => void check(file, passphrase)}
            data-testid="backup-restore-check"
          >
            {t('settings.backups.check')}
          </Button>
        </Group>
      )}
      {busy && <TransferProgressBar progress={progress} testId="backup-restore-progress" />}
      {preview && file && (
        <Stack gap="sm">
          <Text fw={500}>{t('settings.backups.previewTitle')}</Text>
          <TransferPreviewTable preview={preview} testId="backup-preview" />
          <Radio.Group
            label={t('settings.backups.rule')}
            value={rule}
            onChange={(value) => {
              setRule(value as ConflictRule);
              setExactConfirmed(false);
            }}
            data-testid="backup-rule"
          >
            <Stack gap={6} mt={4}>
              {RULES.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={t(`settings.backups.rules.${option}`)}
                  description={t(`settings.backups.ruleHelp.${option}`)}
                  data-testid={`backup-rule-${option}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox
            label={t('settings.backups.applySettings')}
            checked={applySettings}
            onChange={(e) => setApplySettings(e.currentTarget.checked)}
            data-testid="backup-apply-settings"
          />
          {rule === 'exact' && (
            <Checkbox
              color="red"
              label={t('settings.backups.confirmExact')}
              checked={exactConfirmed}
              onChange={(e) => setExactConfirmed(e.currentTarget.checked)}
              data-testid="backup-confirm-exact"
            />
          )}
          <Group>
            <Button
              color={rule === 'exact' ? 'red' : undefined}
              loading={busy}
              disabled={rule === 'exact' && !exactConfirmed}
              onClick={() => void restore()}
              data-testid="backup-confirm"
            >
              {t('settings.backups.confirm')}
            </Button>
            <Button variant="subtle" disabled={busy} onClick={reset} data-testid="backup-cancel">
              {t('settings.backups.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {result && (
        <Alert color="teal" data-testid="backup-restored">
          {t('settings.backups.restored', {
            written: formatNumber(total(result.written)),
            kept: formatNumber(total(result.kept)),
            removed: formatNumber(total(result.removed)),
          })}
          {result.migrated_from !== null
            ? ` ${t('settings.backups.migrated', { from: result.migrated_from })}`
            : ''}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="backup-restore-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** Ajustes' backups: both transports (the desktop saves and opens with system dialogs; the browser downloads and uploads). */
export function BackupPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.backupStatus().then(
      (next) => {
        setStatus(next);
        setError(null);
      },
      (failure: unknown) => setError(errorText(failure, t)),
    );
  }, [api, t]);
  useEffect(refresh, [refresh]);
  return (
    <Stack gap="md" data-testid="backup-panel">
      <Text size="sm">{t('settings.backups.intro')}</Text>
      {status && <StatusBlock status={status} />}
      {error && (
        <Alert color="red" data-testid="backup-status-error">
          {error}
        </Alert>
      )}
      <CreateBackup onMade={refresh} />
      <RestoreBackup onRestored={refresh} />
    </Stack>
  );
}
