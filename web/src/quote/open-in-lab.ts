// A quote's scenario in the lab: the base text with the quote's overrides written into it (comments
// kept) and its first seed, through the lab's shareable-link format. Run there, it gives the digest
// of the quote's first run.
import baseText from '../../../scenarios/quote-base.yaml?raw';
import { quoteOverrides, type QuoteInputs } from '../../../src/worker/browser-quote.js';
import { parsePath } from '../../../src/worker/browser-twin-protocol.js';
import { setIn, type PathKey, type Scalar } from '../lab/editor/yaml-edit';
import { encodeScenario } from '../lab/library/share-link';

export function quoteScenarioText(inputs: QuoteInputs): string {
  let text = baseText;
  for (const { path, value } of quoteOverrides(inputs)) text = setIn(text, parsePath(path) as PathKey[], value as Scalar);
  return setIn(text, ['seed'], inputs.seeds[0]);
}

export async function quoteLabHash(inputs: QuoteInputs): Promise<string> {
  return `#/lab?scenario=${await encodeScenario(quoteScenarioText(inputs))}`;
}
