/**
 * "Explore your own data": a dropped file, a chosen file or a URL, read in DuckDB-WASM, its
 * columns recognised (and corrected by the user), every row checked and reported, and the
 * accepted figures added beside the curated ones. Nothing is uploaded; the user's file is only read.
 */
import type { Domain } from '../data/catalog';
import type { GroupKind, Unit } from '../data/schema';
import { t } from '../i18n';
import type { OwnFailure } from '../own/failure';
import { fileNameOfUrl, OWN_MAX_BYTES } from '../own/limits';
import type { OwnInput, OwnProgress, StagedFile } from '../own/load';
import { checkMapping, detectMapping, type Mapping, type Role } from '../own/mapping';
import type { ParquetSource } from '../own/parquet-choice';
import { DEFAULT_OWN_OPTIONS, type OwnCheck } from '../own/validate';
import type { AppState } from './app.svelte';
import type { Lang } from './view-state';

export type OwnStep = 'idle' | 'reading' | 'choosing' | 'mapping' | 'checking' | 'report' | 'adding' | 'done' | 'error';

/** The readers, loaded when a file is first opened: they bring DuckDB's Arrow, which the first chart does not wait for. */
let sessionModule: Promise<typeof import('../own/session')> | null = null;
const session = () => (sessionModule ??= import('../own/session'));

export class OwnData {
  step = $state<OwnStep>('idle');
  fileName = $state('');
  /** Why the last file could not be read, as a message key and its values (shown in the page's language). */
  failure = $state.raw<OwnFailure | null>(null);
  staged = $state.raw<StagedFile | null>(null);
  mapping = $state.raw<Mapping | null>(null);
  check = $state.raw<OwnCheck | null>(null);
  domain = $state<Domain>('werk');
  unit = $state<Unit>('%');
  groupKind = $state<GroupKind>('origin');
  added = $state(0);
  /** How far reading the file has got. */
  progress = $state.raw<OwnProgress | null>(null);
  /** A Parquet file read by indicator: its index, what was fetched, and the indicators chosen. */
  parquet = $state.raw<ParquetSource | null>(null);
  chosen = $state.raw<string[]>([]);

  readonly problems = $derived(this.mapping && this.staged ? checkMapping(this.mapping, this.staged.header.length) : []);

  private controller: AbortController | null = null;
  private loads = 0;

  constructor(private readonly app: AppState) {}

  /** The panel is open: load the reading code and start a Parquet worker before a file comes. */
  prepare(): void {
    session()
      .then((own) => own.prestartParquetWorker())
      .catch(() => {
        // Not fatal: opening a file loads them again, and reports a failure.
      });
  }

  async openFile(file: File): Promise<void> {
    const own = await session();
    if (await own.isParquet(file)) {
      const opened = await this.openParquet(file.name, (signal) => own.localParquet(file, file.name, signal), false);
      if (opened) return;
    }
    if (file.size > OWN_MAX_BYTES) return this.fail(file.name, { key: 'own_tooLarge', detail: String(Math.round(file.size / 1e6)) });
    await this.read(file.name, async () => file);
  }

  async openUrl(url: string): Promise<void> {
    const name = fileNameOfUrl(url);
    const own = await session();
    // A Parquet file at a URL is read by range requests: the footer, the indicators, then the chosen ones.
    if (/\.parquet$/i.test(name) && (await this.openParquet(name, (signal) => own.remoteParquet(url, signal), true))) return;
    await this.read(name, async (signal) => {
      let res: Response;
      try {
        res = await fetch(url, { signal, credentials: 'omit' });
      } catch (e) {
        if (signal.aborted) throw e;
        throw Object.assign(new Error(e instanceof Error ? e.message : String(e)), { failure: 'own_network' as const });
      }
      if (!res.ok) throw Object.assign(new Error(String(res.status)), { failure: 'own_http' as const });
      return res.blob();
    });
  }

  cancel = (): void => {
    this.controller?.abort();
    this.controller = null;
    this.step = 'idle';
  };

  reset = (): void => {
    this.cancel();
    const staged = this.staged;
    if (staged) void Promise.all([this.app.readyEngine(), session()]).then(([engine, own]) => own.dropOwn(engine, staged.tables));
    this.staged = null;
    this.mapping = null;
    this.check = null;
    this.failure = null;
    this.parquet = null;
    this.chosen = [];
  };

  /**
   * A Parquet file's index (footer and indicator column). When the user should choose indicators,
   * the step is 'choosing' and true is returned; false: read the file whole (small, or no indicators).
   */
  private async openParquet(name: string, open: (signal: AbortSignal) => Promise<ParquetSource>, remote: boolean): Promise<boolean> {
    this.reset();
    const controller = new AbortController();
    this.controller = controller;
    this.fileName = name;
    this.progress = { phase: 'parquet', done: null };
    this.step = 'reading';
    try {
      const source = await open(controller.signal);
      if (controller.signal.aborted) return true;
      const own = await session();
      if (!own.choiceNeeded(source.index, remote)) {
        this.step = 'idle';
        return false;
      }
      this.parquet = source;
      this.chosen = own.firstChoice(source.index);
      this.step = 'choosing';
    } catch (e) {
      if (!controller.signal.aborted)
        this.fail(name, { key: 'own_parquet', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    } finally {
      if (this.controller === controller) this.controller = null;
    }
    return true;
  }

  /** An indicator ticked or unticked in the choice. */
  choose(value: string, on: boolean): void {
    this.chosen = on ? [...this.chosen.filter((v) => v !== value), value] : this.chosen.filter((v) => v !== value);
  }

  /** The chosen indicators' rows read (only their row groups) and staged as the file. */
  loadChosen = async (): Promise<void> => {
    const source = this.parquet;
    if (!source || !this.chosen.length) return;
    const controller = new AbortController();
    this.controller = controller;
    const name = this.fileName;
    this.progress = { phase: 'parquet', done: 0 };
    this.step = 'reading';
    try {
      const own = await session();
      const read = await own.readRemoteIndicators(source.index, this.chosen, {
        fetch: source.fetch,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (this.controller === controller) this.progress = { phase: 'parquet', done: total ? done / total : null };
        },
      });
      if (controller.signal.aborted) return;
      this.parquet = {
        ...source,
        fetched: { bytes: source.fetched.bytes + read.bytesFetched, requests: source.fetched.requests + read.rangeRequests },
      };
      const engine = await this.app.readyEngine();
      await this.staging(name, () => own.stageOwnTable(engine, name, read.table, ++this.loads), controller);
    } catch (e) {
      if (!controller.signal.aborted) this.fail(name, (await session()).failureOf(e));
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  };

  /** A staged file's columns recognised: the mapping step. */
  private async staging(name: string, stage: () => Promise<StagedFile>, controller: AbortController): Promise<void> {
    const staged = await stage();
    if (controller.signal.aborted) return;
    this.staged = staged;
    this.mapping = detectMapping(
      staged.header,
      staged.sample.map((r) => r.cells),
      this.app.catalog!,
      name,
    );
    this.domain = this.app.domain as Domain;
    this.step = 'mapping';
  }

  private async read(name: string, fileOf: (signal: AbortSignal) => Promise<Blob>): Promise<void> {
    this.reset();
    const controller = new AbortController();
    this.controller = controller;
    this.fileName = name;
    this.progress = null;
    this.step = 'reading';
    try {
      const file = await fileOf(controller.signal);
      const own = await session();
      if (file.size > OWN_MAX_BYTES) throw new own.OwnFileError(name, 'too_large', String(Math.round(file.size / 1e6)));
      const input: OwnInput = { name, file };
      const engine = await this.app.readyEngine();
      await this.staging(
        name,
        () =>
          own.stageOwnFile(engine, input, ++this.loads, {
            signal: controller.signal,
            onProgress: (p) => {
              if (this.controller === controller) this.progress = p;
            },
          }),
        controller,
      );
    } catch (e) {
      if (controller.signal.aborted) return;
      this.fail(name, (await session()).failureOf(e));
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  private fail(name: string, failure: NonNullable<OwnData['failure']>): void {
    this.fileName = name;
    this.failure = failure;
    this.step = 'error';
  }

  /** The user's correction: a role to another column, or to none. */
  setRole(role: Role, column: number | null): void {
    if (!this.mapping) return;
    const columns = { ...this.mapping.columns };
    if (column === null) delete columns[role];
    else {
      // A column holds one role: the role it had is given up.
      for (const r of Object.keys(columns) as Role[]) if (columns[r] === column) delete columns[r];
      columns[role] = column;
    }
    this.mapping = { ...this.mapping, columns, reasons: { ...this.mapping.reasons, [role]: { by: 'user' } } };
  }

  setIndicatorName(name: string): void {
    if (this.mapping) this.mapping = { ...this.mapping, indicatorName: name };
  }

  /** Every row checked, in DuckDB; nothing is added yet. */
  runCheck = async (): Promise<void> => {
    const staged = this.staged;
    const mapping = this.mapping;
    if (!staged || !mapping || this.problems.length) return;
    this.step = 'checking';
    try {
      const engine = await this.app.readyEngine();
      const own = await session();
      const check = await own.checkOwn(engine, staged.tables, staged.header, mapping, this.app.catalog!, DEFAULT_OWN_OPTIONS);
      if (this.staged !== staged) return;
      this.check = check;
      this.step = 'report';
    } catch (e) {
      this.fail(this.fileName, (await session()).failureOf(e));
    }
  };

  /** Every rejected row, with its reason and original cells, as a CSV in the page's language. */
  async rejectedReport(lang: Lang): Promise<string> {
    const staged = this.staged;
    if (!staged) return '';
    return (await session()).rejectedReport(await this.app.readyEngine(), staged.tables, staged.header, lang);
  }

  /** The accepted figures into the engine, beside the curated ones, and the first of them shown. */
  add = async (): Promise<void> => {
    const check = this.check;
    const staged = this.staged;
    const catalog = this.app.catalog;
    if (!check || !staged || !catalog || check.summary.accepted === 0) return;
    this.step = 'adding';
    try {
      const engine = await this.app.readyEngine();
      const own = await session();
      const choices = {
        fileName: this.fileName,
        load: this.loads,
        domain: this.domain,
        unit: this.unit,
        groupKind: this.groupKind,
        today: own.todayIso(),
      };
      const added = await own.addOwn(engine, staged.tables, check, choices, catalog);
      this.staged = null;
      await this.app.adoptOwnData({ name: this.fileName, ...added });
      this.added = added.figures;
      this.step = 'done';
    } catch (e) {
      this.fail(this.fileName, (await session()).failureOf(e));
    }
  };

  /** The failure as users read it. */
  failureText(lang: Lang): string {
    if (!this.failure) return '';
    return t(lang, this.failure.key, { file: this.fileName, detail: this.failure.detail });
  }
}
