/**
 * Reads an autopilot script (YAML, or JSON, which YAML 1.2 includes) into a validated Script,
 * or into errors that each name the line and the field: `billing.yaml:12: replies[2].match: not
 * a valid regular expression: …`. The `yaml` package parses with a LineCounter, so syntax errors
 * and every value keep their position; zod (script-schema.ts) validates the shape, and
 * script-check.ts what only the running Sandbox knows (its queues and agents).
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type CheckContext, checkScript } from './script-check.ts';
import { type Script, scriptSchema } from './script-schema.ts';

/** One problem with a script: where (1-based line; 0 when it is about the whole file) and what. */
export interface ScriptError {
  line: number;
  /** The field, as `replies[2].match`; empty for the file itself (a syntax error). */
  path: string;
  message: string;
}

/** The outcome of parseScript. */
export type ParsedScript = { ok: true; script: Script } | { ok: false; errors: ScriptError[] };

/** Largest script source taken, in characters (the API's bodies are at most 64 KiB too). */
const MAX_SCRIPT_LENGTH = 60_000;

/** `file:line: path: message`, the form the CLI prints and the console lists. */
export const formatScriptError = (file: string, e: ScriptError): string =>
  `${file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}`;

/** Formats a path as `replies[2].then[0].setUserData["Page Name"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => typeof p === 'number' ? `[${p}]`
    : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `${i === 0 ? '' : '.'}${String(p)}` : `[${JSON.stringify(String(p))}]`).join('');
}

/**
 * Parses and validates `source`. With `context`, also checks the script against the running
 * Sandbox (its queue and the queues and agents its steps name must exist).
 */
export function parseScript(source: string, context?: CheckContext): ParsedScript {
  if (source.length > MAX_SCRIPT_LENGTH) return fail(1, '', `the script is longer than ${MAX_SCRIPT_LENGTH} characters`);
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // An error at the end of the file is reported on its last line, not on the empty one after it.
    const last = source.trimEnd().split('\n').length;
    return { ok: false, errors: doc.errors.map((e) => ({ line: Math.min(lines.linePos(e.pos[0]).line, last), path: '', message: firstLine(e.message) })) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return fail(1, '', (err as Error).message);
  }
  if (data === null || data === undefined) return fail(1, '', 'the script is empty');
  const parsed = scriptSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: byLine(parsed.error.issues.map((issue) => locateIssue(doc, lines, issue))) };
  const problems = context ? checkScript(parsed.data, context) : [];
  if (problems.length > 0) {
    return { ok: false, errors: byLine(problems.map((p) => ({ ...locate(doc, lines, p.path), message: p.message }))) };
  }
  return { ok: true, script: parsed.data };
}

const fail = (line: number, path: string, message: string): ParsedScript => ({ ok: false, errors: [{ line, path, message }] });
const byLine = (errors: ScriptError[]) => errors.sort((a, b) => a.line - b.line);
const firstLine = (message: string) => message.split('\n')[0]!.trim();

/** A zod issue with its line; an unknown field is reported at that field. */
function locateIssue(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): ScriptError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `'${k}'`).join(', ')})` : '';
    return { ...locate(doc, lines, [...issue.path, key]), message: `unknown field${more ? 's' : ''} '${key}'${more}` };
  }
  return { ...locate(doc, lines, issue.path), message: issue.message };
}

/**
 * The line of the deepest node along `path` (a missing field: the map that lacks it), and the
 * path to report. A single message written as text (`say: Hi`) is a list of one once parsed:
 * its `[0]` is left out of the path, which then names the field as the author wrote it.
 */
function locate(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): { line: number; path: string } {
  let node: Node | null = doc.contents;
  let line = 1;
  let shown = [...path];
  for (const [i, segment] of path.entries()) {
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (pair && isScalar(pair.key) && pair.key.range) line = lines.linePos(pair.key.range[0]).line;
      next = pair?.value as Node | null | undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    } else {
      if (isScalar(node) && segment === 0 && i === path.length - 1) shown = path.slice(0, i);
      break;
    }
    if (!next) break;
    // A map's value is reported at its key's line (set above); a list item where it starts.
    if (isSeq(node) && next.range) line = lines.linePos(next.range[0]).line;
    node = next;
  }
  return { line, path: formatPath(shown) };
}
