import type { StartupState } from '@shared/startup';
import type { LlmKeyStatus } from '@shared/ipc-contract';

type Warning = Extract<StartupState, { phase: 'ready' }>['warnings'][number];

/**
 * Problems that leave the app usable, shown on the start-up screen and as a banner: without a key
 * the coach can still manage clients and questionnaires, but generation fails until one is set.
 */
export function startupWarnings(key: LlmKeyStatus, llmBaseUrl: string | null): Warning[] {
  const warnings: Warning[] = [];
  if (!key.configured) {
    warnings.push({
      reason: 'llm_key_missing',
      message: llmBaseUrl
        ? `No hay clave de API para el servicio de IA (${llmBaseUrl}). Si tu servidor la necesita, añádela en Ajustes; si no, cualquier texto sirve.`
        : 'No hay clave de API del servicio de IA: puedes gestionar clientes y cuestionarios, pero para generar planes añade la clave en Ajustes (o define EDN_LLM_API_KEY).',
    });
  }
  if (key.source === 'settings' && key.encrypted_at_rest === false) {
    warnings.push({
      reason: 'key_not_encrypted',
      message:
        'Este sistema no tiene un llavero (gnome-keyring, KWallet): la clave de API se guarda sin cifrado real en settings.json. Instala un llavero o usa la variable EDN_LLM_API_KEY.',
    });
  }
  return warnings;
}
