import * as OpenCC from 'opencc-js';
import { parts } from '../shared/parts';

/**
 * Injected on demand (src/shared/parts.ts): OpenCC converters with the phrase-level dictionaries. cn → tw uses OpenCC's
 * STPhrases + STCharacters then Taiwan variants (齿轮厂 → 齒輪廠, 后来 → 後來 by phrase, not character by character);
 * tw → cn the reverse. Vocabulary is not localised (no `twp`), so quoted words stay the author's words.
 */
parts().opencc ??= {
  cn2t: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  t2cn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};
