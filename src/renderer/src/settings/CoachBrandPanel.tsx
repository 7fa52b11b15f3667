import { Button, FileButton, Group, Image, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import {
  brandFormFromValues,
  brandPatch,
  LOGO_TYPES,
  logoFileProblem,
  type CoachBrandForm,
} from './coach-brand-form';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsDataURL(file);
  });
}

/** Ajustes → the coach's name, contact and logo on the client's PDF (applies at once). */
export function CoachBrandPanel({
  view,
  onChange,
}: {
  view: SettingsView;
  onChange(v: SettingsView): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const initial = useMemo(() => brandFormFromValues(view.values), [view.values]);
  const [form, setForm] = useState<CoachBrandForm>(initial);
  const [saving, setSaving] = useState(false);
  useEffect(() => setForm(initial), [initial]);
  const patch = brandPatch(form, initial);
  const fixed = (key: 'coach_name' | 'coach_contact') =>
    view.env_overrides.includes(key) ? t('settings.envOverride') : undefined;

  async function pickLogo(file: File | null): Promise<void> {
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) {
      notifications.show({ color: 'red', message: t(problem) });
      return;
    }
    const logo = await readAsDataUrl(file);
    setForm((current) => ({ ...current, coach_logo: logo }));
  }

  async function save(): Promise<void> {
    setSaving(true);
    try {
      onChange(await api.updateSettings(patch));
      notifications.show({ color: 'teal', message: t('settings.brand.saved') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Text size="sm" c="dimmed">
        {t('settings.brand.intro')}
      </Text>
      <TextInput
        label={t('settings.brand.name')}
        placeholder={t('settings.brand.namePlaceholder')}
        description={fixed('coach_name')}
        maxLength={120}
        value={form.coach_name}
        onChange={(event) => setForm({ ...form, coach_name: event.currentTarget.value })}
        data-testid="settings-coach-name"
      />
      <TextInput
        label={t('settings.brand.contact')}
        placeholder={t('settings.brand.contactPlaceholder')}
        description={fixed('coach_contact')}
        maxLength={200}
        value={form.coach_contact}
        onChange={(event) => setForm({ ...form, coach_contact: event.currentTarget.value })}
        data-testid="settings-coach-contact"
      />
      <Group align="center">
        {form.coach_logo ? (
          <Image src={form.coach_logo} alt={t('settings.brand.logo')} h={48} w="auto" fit="contain" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.brand.noLogo')}
          </Text>
        )}
        <FileButton onChange={(file) => void pickLogo(file)} accept={LOGO_TYPES.join(',')}>
          {(props) => (
            <Button variant="default" {...props} data-testid="settings-coach-logo">
              {t('settings.brand.chooseLogo')}
            </Button>
          )}
        </FileButton>
        {form.coach_logo && (
          <Button variant="subtle" color="gray" onClick={() => setForm({ ...form, coach_logo: '' })}>
            {t('settings.brand.removeLogo')}
          </Button>
        )}
      </Group>
      <Group>
        <Button
          onClick={() => void save()}
          loading={saving}
          disabled={Object.keys(patch).length === 0}
          data-testid="settings-coach-save"
        >
          {t('settings.brand.save')}
        </Button>
      </Group>
    </>
  );
}
