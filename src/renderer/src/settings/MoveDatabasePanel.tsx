import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoveTargetSchema, type MoveOutcome, type MoveTarget } from '@shared/backup';
import { useClient } from '../api/client-store';
import type { TransferProgress } from '../api/coach-client';
import { errorText } from '../components/error-text';
import { formatNumber } from '../format';
import { ConflictRuleChoice, total, TransferPreviewTable, TransferProgressBar } from './transfer-parts';

/*
 * Ajustes → moving the data between databases (issue #18 point 4): to the clinic's MongoDB server
 * from this computer's embedded database, or back. First a dry run shows what would be copied;
 * then the move, with a progress bar. Afterwards the desktop app reconnects by itself to the new
 * database (its start-up screen shows it); `edn360 serve` has to be restarted by hand.
 */

type MoveRule = 'keep' | 'replace';
const RULES: readonly MoveRule[] = ['keep', 'replace'];

export function MoveDatabasePanel({ usesServer }: { usesServer: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [url, setUrl] = useState('');
  const [dbName, setDbName] = useState('edn360');
  const [rule, setRule] = useState<MoveRule>('keep');
  const [fieldErrors, setFieldErrors] = useState<{ url?: string; db_name?: string }>({});
  const [checked, setChecked] = useState<Extract<MoveOutcome, { dry_run: true }> | null>(null);
  const [moved, setMoved] = useState<Extract<MoveOutcome, { dry_run: false }> | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  function target(): MoveTarget | null {
    if (usesServer) return { kind: 'embedded' };
    const parsed = MoveTargetSchema.safeParse({ kind: 'server', url, db_name: dbName });
    if (parsed.success) {
      setFieldErrors({});
      return parsed.data;
    }
    const paths = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    setFieldErrors({
      ...(paths.has('url') ? { url: t('settings.move.urlInvalid') } : {}),
      ...(paths.has('db_name') ? { db_name: t('settings.move.dbNameInvalid') } : {}),
    });
    return null;
  }

  async function run(dryRun: boolean): Promise<void> {
    const where = target();
    if (!where) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    if (dryRun) setChecked(null);
    try {
      const outcome = await api.moveDatabase({ target: where, rule, dry_run: dryRun }, setProgress);
      if (outcome.dry_run) setChecked(outcome);
      else {
        setChecked(null);
        setMoved(outcome);
      }
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  /** Any change of the target or rule asks for a new dry run before moving. */
  const changed = (): void => {
    setChecked(null);
    setMoved(null);
  };

  return (
    <Stack gap="sm" data-testid="move-panel">
      <Text size="sm">{usesServer ? t('settings.move.introBack') : t('settings.move.intro')}</Text>
      {!usesServer && (
        <Group align="flex-start">
          <TextInput
            label={t('settings.move.url')}
            placeholder="mongodb://servidor:27017"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              changed();
            }}
            error={fieldErrors.url}
            w={420}
            data-testid="move-url"
          />
          <TextInput
            label={t('settings.move.dbName')}
            value={dbName}
            onChange={(e) => {
              setDbName(e.currentTarget.value);
              changed();
            }}
            error={fieldErrors.db_name}
            w={220}
            data-testid="move-db-name"
          />
        </Group>
      )}
      <ConflictRuleChoice
        rules={RULES}
        value={rule}
        label={t('settings.move.rule')}
        onChange={(next) => {
          setRule(next);
          changed();
        }}
        testId="move-rule"
      />
      <Group>
        <Button
          variant="default"
          loading={busy && !checked}
          disabled={busy}
          onClick={() => void run(true)}
          data-testid="move-check"
        >
          {t('settings.move.check')}
        </Button>
        <Button
          loading={busy && checked !== null}
          disabled={busy || !checked}
          onClick={() => void run(false)}
          data-testid="move-run"
        >
          {t('settings.move.run')}
        </Button>
      </Group>
      {busy && <TransferProgressBar progress={progress} testId="move-progress" />}
      {checked && (
        <Stack gap="xs">
          <Text size="sm" data-testid="move-target">
            {t('settings.move.target', { target: checked.target })}
          </Text>
          <Text size="sm" fw={500} data-testid="move-while-moving">
            {t('settings.move.whileMoving')}
          </Text>
          <TransferPreviewTable preview={checked.preview} testId="move-preview" />
        </Stack>
      )}
      {moved && (
        <Alert
          color={moved.result.switched && !moved.result.restart_required ? 'teal' : 'orange'}
          data-testid="move-done"
        >
          <Text size="sm">
            {t('settings.move.done', {
              target: moved.target,
              written: formatNumber(total(moved.result.written)),
              kept: formatNumber(total(moved.result.kept)),
            })}
          </Text>
          {/* The desktop app reopens on the new database; `edn360 serve` until restarted, and an
              environment variable over the setting, keep the old one. */}
          {moved.result.env_overrides.length > 0 ? (
            <Text size="sm" fw={500} data-testid="move-env-override">
              {t('settings.move.envOverride', { names: moved.result.env_overrides.join(', ') })}
            </Text>
          ) : moved.result.restart_required ? (
            <Text size="sm" fw={500} data-testid="move-restart">
              {t('settings.move.restartServe')}
            </Text>
          ) : (
            <Text size="sm" fw={500} data-testid="move-reconnecting">
              {t('settings.move.reconnecting')}
            </Text>
          )}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="move-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
