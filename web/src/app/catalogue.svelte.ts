// The scenario catalogue from the twin worker (JSON Schema, rig models), asked for once per page load.
import type { ScenarioCatalogue } from '../../../src/worker/browser-twin-protocol.js';
import { twin } from './twin';

class Catalogue {
  value = $state.raw<ScenarioCatalogue | undefined>();
  private asked = false;

  load(): void {
    if (this.asked) return;
    this.asked = true;
    void twin.describe().then((value) => (this.value = value));
  }
}

export const catalogue = new Catalogue();
