/**
 * Zod schemas for the customer's user data operations (seed 002's setUserData /
 * getUserData / deleteUserData, a Sandbox extra of the GWS customer dialect).
 */
import { z } from 'zod';
import { MAX_USER_DATA_KEYS, userDataKey, userDataRecord } from './schemas.ts';

/** UpdateUserData body: at least one key to set. */
export const updateUserDataBody = z.object({
  userData: userDataRecord.refine((o) => Object.keys(o).length > 0, 'must set at least one key'),
});

/** DeleteUserData body: 1..50 keys to remove. */
export const deleteUserDataBody = z.object({
  keys: z
    .array(userDataKey, { error: 'must be an array of keys' })
    .min(1, 'must list at least one key')
    .max(MAX_USER_DATA_KEYS, `must list at most ${MAX_USER_DATA_KEYS} keys`),
});

/** GET …/userdata query: `keys`, a comma-separated list (absent = every key). */
export const userDataQuery = z.object({
  keys: z
    .string()
    .transform((s) => s.split(',').map((k) => k.trim()))
    .refine((keys) => keys.every((k) => k.length > 0 && k.length <= 200), 'must be a comma-separated list of keys of 1-200 characters')
    .refine((keys) => keys.length <= MAX_USER_DATA_KEYS, `must list at most ${MAX_USER_DATA_KEYS} keys`)
    .optional(),
});
