/**
 * Publishing as one step. Every command that changes the archive (build, add, permalinks:update, ingest) works the
 * same way:
 *
 *   1. take the lock, so a second run in the same checkout stops with "another build is running (pid …)"; a lock
 *      left by a process that is no longer running is taken over;
 *   2. finish any publication an earlier run was interrupted in the middle of (see 4);
 *   3. stage everything in a staging folder: the new sources, the records, the built site, the permalink manifest.
 *      Any failure, crash or Ctrl-C here leaves the published archive exactly as it was;
 *   4. publish: write a journal listing each staged path and the live path it replaces, then rename them into place
 *      one by one. Renames take microseconds and signals wait until they are done; if the process is killed
 *      between two of them anyway, the next run (step 2) reads the journal and completes them.
 *
 * So the sources, content/reports, content/permalinks.json and dist/ change together or not at all.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A failure the person running the command can act on: printed as its message, never as a stack trace. */
export class PublishError extends Error {}

/** Where a run keeps its lock, its journal and what it stages (and what in the staging folder outlives a run). */
export interface Workspace {
  lock: string;
  journal: string;
  staging: string;
  keep: string[];
}

/**
 * The repository's archive: sources, content/reports, content/permalinks.json and dist/. Astro's cache of the staged
 * build (beside the staged site, where ARCHIVE_OUT_DIR puts it) is kept between builds.
 */
export const REPOSITORY: Workspace = {
  lock: '.archive/build.lock',
  journal: '.archive/publish.json',
  staging: '.archive/staging',
  keep: ['dist.astro-cache'],
};

/** For a run that writes only one folder elsewhere (`ingest --out <dir>`): files beside that folder, all removed after. */
export function workspaceBeside(dir: string): Workspace {
  const parent = dirname(resolve(dir));
  const name = basename(dir);
  return { lock: join(parent, `.${name}.lock`), journal: join(parent, `.${name}.journal.json`), staging: join(parent, `.${name}.staging`), keep: [] };
}

/** A staged file or folder and the published one it replaces. */
export interface Move {
  staged: string;
  live: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
/** The lock holds the pid of the run, then of the step it is running (an orphaned build must not be built over). */
const pidsIn = (lock: string) => {
  try {
    return readFileSync(lock, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

let heldLock: string | null = null;

/** The lock's content is written whole, then linked or renamed into place, so no run ever reads it half-written. */
function lockFileWith(lock: string, pids: number[]): string {
  const whole = `${lock}.${process.pid}.tmp`;
  writeFileSync(whole, pids.map((pid) => `${pid}\n`).join(''));
  return whole;
}

export function acquireLock(lock: string): void {
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const whole = lockFileWith(lock, [process.pid]);
    try {
      linkSync(whole, lock); // fails if the lock exists: taking it is one atomic step
      heldLock = lock;
      process.on('exit', releaseLock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(whole, { force: true });
    }
    const pids = pidsIn(lock);
    const running = pids.find(alive);
    if (running !== undefined) {
      throw new PublishError(
        `another build is running (pid ${running}) in this checkout: wait for it to finish and run this again. ` +
          `(If no build is running, delete ${lock}.)`,
      );
    }
    // Left by a run that was killed: take it over. Renaming first means only one of two runs doing this at once wins.
    const stale = `${lock}.stale-${process.pid}`;
    try {
      renameSync(lock, stale);
    } catch {
      continue; // another run took it over first; try again, and meet its lock
    }
    // If what was moved aside is a live run's lock (taken over between our look and our rename), put it back.
    if (pidsIn(stale).some(alive)) {
      try {
        linkSync(stale, lock);
      } catch {
        // a third run holds it now; ours goes on to meet that one
      }
    }
    rmSync(stale, { force: true });
  }
  throw new PublishError(`could not take the lock ${lock}: another build keeps taking it; wait for it to finish and run this again`);
}

function releaseLock(): void {
  if (heldLock && pidsIn(heldLock)[0] === process.pid) rmSync(heldLock, { force: true });
  heldLock = null;
}

/**
 * For the interruption tests only: ARCHIVE_FAULT=<point> kills the run at that point as `kill -9` would, so the tests
 * can show that every point leaves the archive either as it was or, on the next run, completely published.
 */
export function faultPoint(point: string): void {
  if (process.env.ARCHIVE_FAULT === point) process.kill(process.pid, 'SIGKILL');
}

let interruptedBy: NodeJS.Signals | null = null;
let runningStep: ReturnType<typeof spawn> | null = null;

/**
 * Ctrl-C (and SIGTERM, SIGHUP) stop the step that is running and then the run, before anything is published. A signal
 * that arrives while the staged files are being renamed into place waits until they all are (they are synchronous).
 */
export function stopOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      interruptedBy = signal;
      if (runningStep) runningStep.kill(signal);
      else process.exit(130);
    });
  }
}

function checkNotInterrupted(): void {
  if (interruptedBy) throw new PublishError(`interrupted (${interruptedBy}): nothing was published; the archive is as it was`);
}

/** Runs one step as its own process (its output shown as it comes); a failure or an interruption stops the run. */
export async function runStep(step: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  checkNotInterrupted();
  const started = performance.now();
  const { ARCHIVE_FAULT: _faultIsForThisRunOnly, ...stepEnv } = env;
  const child = spawn(command, args, { stdio: 'inherit', env: stepEnv });
  runningStep = child;
  if (heldLock && child.pid) renameSync(lockFileWith(heldLock, [process.pid, child.pid]), heldLock);
  const [code, signal] = (await new Promise((done) => child.on('close', (...end) => done(end)))) as [number | null, NodeJS.Signals | null];
  runningStep = null;
  if (heldLock) renameSync(lockFileWith(heldLock, [process.pid]), heldLock);
  checkNotInterrupted();
  if (code !== 0) throw new PublishError(`${step} failed (exit ${code ?? signal}), so nothing was published; the archive is as it was`, { cause: code });
  console.log(`✓ ${step} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Takes the lock, completes an interrupted publication, and empties the staging folder of an earlier run's leftovers. */
export function beginPublication(workspace: Workspace): void {
  acquireLock(workspace.lock);
  const finished = finishPublication(workspace.journal);
  if (finished.length) console.log(`An earlier run was interrupted while publishing; finished it: ${finished.join(', ')}`);
  emptyStaging(workspace);
}

/** Publishes what was staged, in one step, then removes what is left in the staging folder. */
export function publish(workspace: Workspace, moves: Move[]): void {
  faultPoint('before-publish');
  checkNotInterrupted();
  const pending = `${workspace.journal}.pending`;
  writeFileSync(pending, `${JSON.stringify(moves, null, 1)}\n`);
  renameSync(pending, workspace.journal); // from here on, the publication completes even if this process dies
  finishPublication(workspace.journal);
  emptyStaging(workspace);
}

function emptyStaging({ staging, keep }: Workspace): void {
  if (!existsSync(staging)) return;
  for (const name of readdirSync(staging)) if (!keep.includes(name)) rmSync(join(staging, name), { recursive: true, force: true });
  if (!keep.length) rmSync(staging, { recursive: true, force: true });
}

/**
 * Carries out a journal: each staged path replaces its live one (the old one goes to a folder beside the journal,
 * removed at the end). Running it again after an interruption does what is left, so it can always be completed.
 * Returns the live paths it published.
 */
function finishPublication(journal: string): string[] {
  const replaced = `${journal}.replaced`;
  if (!existsSync(journal)) {
    rmSync(replaced, { recursive: true, force: true }); // left if a run died after publishing, before tidying up
    return [];
  }
  const moves = JSON.parse(readFileSync(journal, 'utf8')) as Move[];
  mkdirSync(replaced, { recursive: true });
  const published: string[] = [];
  for (const [index, { staged, live }] of moves.entries()) {
    if (!existsSync(staged)) continue; // done before an interruption
    if (existsSync(live)) renameSync(live, join(replaced, String(index)));
    mkdirSync(dirname(live), { recursive: true });
    renameSync(staged, live);
    published.push(live);
    if (index === 0) faultPoint('during-publish');
  }
  rmSync(journal);
  rmSync(replaced, { recursive: true, force: true });
  return published;
}
