// Editor settings (`lintel.*`): defaults, initializationOptions, then workspace/configuration when the client has it.
import type { Connection } from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';
import type { LintelSettings } from './protocol';

export const DEFAULT_SETTINGS: LintelSettings = { enable: true, run: 'onType' };

export function mergeSettings(base: LintelSettings, raw: unknown): LintelSettings {
  const out = { ...base };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') out.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') out.run = r.run;
  return out;
}

export class SettingsStore {
  private current: LintelSettings;
  private markReady!: () => void;
  /** Resolves once the client's settings have been read (at once for clients without workspace/configuration). */
  readonly ready: Promise<void>;

  constructor(private readonly connection: Connection, private readonly features: ClientFeatures) {
    this.current = mergeSettings(DEFAULT_SETTINGS, features.initialSettings);
    this.ready = new Promise((resolve) => { this.markReady = resolve; });
    if (!features.configuration) this.markReady();
  }

  get value(): LintelSettings { return this.current; }

  /** The first read failed or is not coming: go on with what we have. */
  giveUpWaiting(): void { this.markReady(); }

  /**
   * Reads the settings again (from workspace/configuration, or from a didChangeConfiguration
   * payload) and says whether anything changed.
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    const before = JSON.stringify(this.current);
    let raw: unknown;
    if (this.features.configuration) raw = await this.connection.workspace.getConfiguration('lintel');
    else if (pushed && typeof pushed === 'object') raw = (pushed as Record<string, unknown>).lintel;
    this.current = mergeSettings(mergeSettings(DEFAULT_SETTINGS, this.features.initialSettings), raw);
    this.markReady();
    return JSON.stringify(this.current) !== before;
  }
}
