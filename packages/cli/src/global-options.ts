import { z } from 'zod';

/** Options every command accepts (declared once on the root program). */
export const GlobalOptionsSchema = z.object({
  db: z.string().optional(),
  wait: z.boolean().optional(),
});
export type GlobalOptions = z.infer<typeof GlobalOptionsSchema>;
