import { ApiEnvError } from '../api/api-env';
import { DomainError } from '../application/domain-error';
import { UnsafeBindError } from '../api/bind-policy';
import { ConfigError } from '../config/load-config';
import { SettingsFileError } from '../config/settings-store';
import { PortInUseError } from '../core/start-core';
import { DatabaseUnavailableError } from '../db/errors';
import { SchemaVersionError } from '../db/schema/schema-version';

/** A CLI command's failure with a message meant for a person (printed without a stack trace). */
export class CliError extends Error {}

/** A refused request is the user's to fix: its message, exit code 1, no stack. */
export function asCliError(error: unknown): never {
  if (error instanceof DomainError) throw new CliError(error.message);
  throw error;
}

/** Errors we expect at start-up carry a message meant for a person: print it, not a stack trace. */
export function isExpectedStartupError(error: unknown): error is Error {
  return (
    error instanceof CliError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof SchemaVersionError ||
    error instanceof PortInUseError ||
    error instanceof ConfigError ||
    error instanceof SettingsFileError ||
    error instanceof UnsafeBindError ||
    error instanceof ApiEnvError
  );
}
