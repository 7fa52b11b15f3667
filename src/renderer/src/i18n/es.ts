export const es = {
  app: { name: 'EDN360 Coach' },
  startup: {
    starting: 'Iniciando…',
    step: {
      config: 'Leyendo la configuración',
      database: 'Arrancando la base de datos',
      api: 'Abriendo la API local',
    },
    ready: 'Listo',
    readyDetail: 'Base de datos {{mode}} · API local en {{url}} · versión {{version}}',
    databaseMode: { embedded: 'integrada', configured: 'configurada' },
    errorTitle: {
      database_unavailable: 'No hay base de datos disponible',
      port_in_use: 'El puerto de la API local está ocupado',
      invalid_config: 'La configuración no es válida',
      invalid_settings: 'El archivo de ajustes no es válido',
      internal_error: 'No se pudo iniciar la aplicación',
    },
    noBridge: 'Esta página debe abrirse desde la aplicación de escritorio o desde «edn360 serve».',
  },
};
export type Messages = typeof es;
