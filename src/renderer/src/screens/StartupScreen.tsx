import { useTranslation } from 'react-i18next';
import { useStartupStore } from '../stores/startup-store';

export function StartupScreen(): React.JSX.Element {
  const { t } = useTranslation();
  // StartupGate holds the one subscription to the start-up state; this screen only shows it.
  const { state, bridgeMissing } = useStartupStore();

  let body: React.JSX.Element;
  if (bridgeMissing) {
    body = <p role="alert">{t('startup.noBridge')}</p>;
  } else if (!state || state.phase === 'starting') {
    body = (
      <p aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t('startup.starting')}{' '}
        {state ? t(`startup.step.${state.step}`) : null}
      </p>
    );
  } else if (state.phase === 'ready') {
    body = (
      <p aria-live="polite">
        <strong>{t('startup.ready')}</strong> —{' '}
        {t('startup.readyDetail', {
          mode: t(`startup.databaseMode.${state.databaseMode}`),
          url: state.apiUrl,
          version: state.version,
        })}
      </p>
    );
  } else {
    body = (
      <section role="alert" className="startup-error">
        <h2>{t(`startup.errorTitle.${state.reason}`)}</h2>
        <pre>{state.message}</pre>
      </section>
    );
  }

  return (
    <main className="startup">
      <h1>{t('app.name')}</h1>
      {body}
    </main>
  );
}
