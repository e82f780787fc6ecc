import type { Context } from '../commands/context.js';
import type { Study } from '../study/types.js';
export async function runInteractive(_ctx: Context, _study: Study): Promise<void> {
  throw new Error("the questionnaire is not implemented yet");
}
