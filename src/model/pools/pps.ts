// PPS (Rosenfeld 2011 §2.2): every share pays (1 − f)·B·d/D at once with B = the block subsidy;
// fees found in blocks go to the operator.
import { PerShareScheme, type PerShareOptions } from './per-share.js';

export type PpsOptions = PerShareOptions;

export function createPps(options: PpsOptions): PerShareScheme {
  return new PerShareScheme('PPS', options, (ctx) => ctx.subsidySat);
}
