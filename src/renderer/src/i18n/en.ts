import type { Messages } from './es';

export const en: Messages = {
  app: { name: 'EDN360 Coach' },
  startup: {
    starting: 'Starting…',
    step: {
      config: 'Reading the configuration',
      database: 'Starting the database',
      api: 'Opening the local API',
    },
    ready: 'Ready',
    readyDetail: '{{mode}} database · local API at {{url}} · version {{version}}',
    databaseMode: { embedded: 'Embedded', configured: 'Configured' },
    errorTitle: {
      database_unavailable: 'No database available',
      port_in_use: 'The local API port is in use',
      invalid_config: 'The configuration is not valid',
      invalid_settings: 'The settings file is not valid',
      internal_error: 'The app could not start',
    },
    noBridge: 'Open this page from the desktop app or from "edn360 serve".',
  },
};
