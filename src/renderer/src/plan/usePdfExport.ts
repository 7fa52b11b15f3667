import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';

/** A file name every OS accepts (no separators or reserved characters): `plan-<client>-<day>.<ext>`. */
export function planFileName(client: string, date: Date | null, extension: 'pdf' | 'json'): string {
  const safe = client.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || 'cliente';
  const day = (date ?? new Date()).toISOString().slice(0, 10);
  return `plan-${safe}-${day}.${extension}`;
}

/** Two frames: React has committed the print layout and Chromium has laid it out. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * PDF export: `printing` switches the screen to its print layout (every plan section, no tabs) for
 * the time the export takes; then Electron saves a PDF through the save dialog (main reads the
 * plans of `jobId` itself and refuses while its audit blocks any), or the browser opens its print dialog.
 */
export function usePdfExport(fileName: string, jobId: string): { printing: boolean; exportPdf(): void } {
  const { t } = useTranslation();
  const api = useClient();
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!printing) return;
    void (async () => {
      await afterPaint();
      try {
        const result = await api.exportPdf(fileName, jobId);
        if (result === null) window.print();
        else if (result.saved) {
          notifications.show({ color: 'teal', message: t('plan.pdfSaved', { path: result.path }) });
        }
      } catch (error) {
        notifications.show({ color: 'red', title: t('plan.pdfFailed'), message: errorText(error, t) });
      } finally {
        setPrinting(false);
      }
    })();
  }, [api, fileName, jobId, printing, t]);

  return { printing, exportPdf: () => setPrinting(true) };
}
