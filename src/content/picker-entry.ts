/** Entry of the picker bundle (`picker.js`, built by scripts/content-bundles.ts): see picker.ts. */
import { pick } from './picker';

pick(window);
