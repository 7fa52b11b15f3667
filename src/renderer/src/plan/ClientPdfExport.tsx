import { Anchor, Button, Popover, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CLIENT_PDF_PAGE_SIZES } from '@shared/client-plan-request';
import type { ClientPdfArgs } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';

type Language = NonNullable<ClientPdfArgs['lang']>;
type PageSize = NonNullable<ClientPdfArgs['page_size']>;
const LANGUAGES: readonly Language[] = ['es', 'en'];

/**
 * "PDF para el cliente": the client's version of every plan of the job, drawn from the shared
 * template (not a print of this screen), in the plan's language on A4 unless the coach picks
 * otherwise. Saved with the system dialog on the desktop, downloaded in a browser. Disabled until
 * every plan of the job is approved (the server refuses it too); once saved, the plans are delivered
 * (`onExported`: the screen reloads their state).
 */
export function ClientPdfExport({
  jobId,
  planLanguage,
  disabled,
  onExported,
}: {
  jobId: string;
  planLanguage: Language;
  disabled: boolean;
  onExported?(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const ids = useId();
  const [opened, setOpened] = useState(false);
  const [lang, setLang] = useState<Language>(planLanguage);
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [busy, setBusy] = useState(false);
  // Whether the coach has signed the PDF yet (null: unknown, e.g. the browser build has no settings).
  const [branded, setBranded] = useState<boolean | null>(null);

  useEffect(() => {
    if (!opened) return;
    void api.getSettings().then(
      (view) => setBranded(view ? Boolean(view.values.coach_name) : null),
      () => setBranded(null),
    );
  }, [api, opened]);

  async function create(): Promise<void> {
    setBusy(true);
    try {
      const result = await api.exportClientPdf({ job_id: jobId, lang, page_size: pageSize });
      setOpened(false);
      if (result.saved) {
        notifications.show({
          color: 'teal',
          message: result.path
            ? t('plan.clientPdf.saved', { path: result.path })
            : t('plan.clientPdf.downloaded'),
        });
        onExported?.();
      }
    } catch (error) {
      notifications.show({ color: 'red', title: t('plan.clientPdf.failed'), message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={320}
      shadow="md"
      withArrow
      trapFocus
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} />}
          onClick={() => setOpened((open) => !open)}
          disabled={disabled}
          aria-expanded={opened}
          data-testid="client-pdf-open"
        >
          {t('plan.clientPdf.open')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('plan.clientPdf.open')} data-testid="client-pdf-options">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('plan.clientPdf.hint')}
          </Text>
          <div>
            <Text size="sm" fw={500} mb={4} id={`${ids}-lang`}>
              {t('plan.clientPdf.language')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={`${ids}-lang`}
              value={lang}
              onChange={(value) => setLang(value as Language)}
              data={LANGUAGES.map((value) => ({ value, label: t(`plan.clientPdf.languages.${value}`) }))}
              data-testid="client-pdf-language"
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4} id={`${ids}-size`}>
              {t('plan.clientPdf.pageSize')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={`${ids}-size`}
              value={pageSize}
              onChange={(value) => setPageSize(value as PageSize)}
              data={CLIENT_PDF_PAGE_SIZES.map((value) => ({
                value,
                label: t(`plan.clientPdf.pageSizes.${value}`),
              }))}
              data-testid="client-pdf-page-size"
            />
          </div>
          {lang !== planLanguage && (
            <Text size="sm" fw={500} data-testid="client-pdf-other-language">
              {t('plan.clientPdf.otherLanguage', { plan: t(`plan.clientPdf.planLanguages.${planLanguage}`) })}
            </Text>
          )}
          {branded === false && (
            <Text size="sm" data-testid="client-pdf-no-brand">
              {t('plan.clientPdf.noBrand')}{' '}
              <Anchor component={Link} to="/settings">
                {t('plan.clientPdf.setBrand')}
              </Anchor>
            </Text>
          )}
          <Button onClick={() => void create()} loading={busy} data-testid="client-pdf-create">
            {t('plan.clientPdf.create')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
