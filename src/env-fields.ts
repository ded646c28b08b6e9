import { z } from 'zod';

/**
 * zod fields for environment variables, shared by the core settings (config.ts) and each platform's own
 * settings (src/adapters/<platform>/platform.ts).
 */

/** A yes/no switch; unset or empty means `byDefault`. */
export const flag = (byDefault: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? byDefault : v === 'true' || v === '1' || v === 'yes'));

export const bool = flag(false);

export const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
