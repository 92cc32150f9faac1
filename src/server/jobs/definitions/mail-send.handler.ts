import type { z } from 'zod';
import type { mailMessageSchema } from '../../mail/message.ts';
import { deliver } from '../../mail/transport.ts';
import type { JobHandler } from '../define.ts';

export const run: JobHandler<z.output<typeof mailMessageSchema>> = async (message) => {
  await deliver(message);
};
