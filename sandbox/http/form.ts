/**
 * `application/x-www-form-urlencoded` bodies for the GMS dialect, parsed with
 * URLSearchParams (no extra package); `multipart/form-data` comes in through gms-form.ts.
 * GMS sends user data as bracket-keyed fields (`userData[Page Name]=Home`); splitForm()
 * gathers them into one object.
 */
import type { FastifyInstance } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { BODY_LIMIT } from './envelope.ts';

/** A parsed form: each name maps to its value, or to every value when it was repeated. */
export type FormBody = Record<string, string | string[]>;

/** Parses form text. Object.fromEntries defines own properties, so `__proto__=x` is just a field. */
export function parseForm(text: string): FormBody {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(text)) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return Object.fromEntries([...grouped].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

/** Makes `scope` accept form bodies only (same 64 KiB limit); other content types get 415. */
export function acceptFormBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
}

/**
 * Plain fields and the `userData[...]` entries of a form; a repeated field is code 10. A plain
 * field sent empty counts as absent: Genesys Widgets sends every field of its form, the
 * missing ones as empty strings (so a required field sent empty is "missing"). User data
 * values are data and stay as sent, empty or not.
 */
export function splitForm(body: unknown): { fields: Record<string, string>; userData: Record<string, string> } {
  const fields: Record<string, string> = {};
  const userData: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as FormBody)) {
    if (Array.isArray(value)) throw new GwsError(Code.Validation, `Field '${name}' is given more than once.`);
    const key = /^userData\[(.*)\]$/s.exec(name)?.[1];
    if (key === undefined) {
      if (value !== '') Object.defineProperty(fields, name, { value, enumerable: true });
    } else if (key === '') throw new GwsError(Code.Validation, "Field 'userData[]' needs a key between the brackets.");
    else Object.defineProperty(userData, key, { value, enumerable: true });
  }
  return { fields, userData };
}
