/** The Article's `lang`: declared in the markup, else guessed from the script of the text. */
import { countHan } from './text';

/** lang from markup, else zh-CN / zh-TW by script evidence. */
export function language(doc: Document, metas: Map<string, string>, sample: string): string | null {
  const declared = [
    doc.documentElement?.getAttribute('lang'),
    metas.get('content-language'),
    metas.get('dc.language'),
    metas.get('language'),
  ]
    .map((s) => (s ?? '').trim())
    .find((s) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(s));
  if (declared) return declared;
  const chars = sample.replace(/\s/g, '').length;
  const kana = (sample.match(/[\u3040-\u30ff]/g) ?? []).length;
  const hangul = (sample.match(/[\uac00-\ud7af]/g) ?? []).length;
  if (kana >= 10 && kana > chars * 0.05) return 'ja';
  if (hangul >= 20 && hangul > chars * 0.3) return 'ko';
  const cjk = countHan(sample);
  // Not evidently Chinese: no guess (a Latin page's language is not ours to infer from script alone).
  if (cjk < 20 || cjk < chars * 0.3) return null;
  // Characters that exist only in one script (a handful of very frequent ones is enough to tell).
  const trad = (sample.match(/[們這個說為國與發會來時對應見體後學從點開經過還進關於實現區機頭報導們灣臺將]/g) ?? [])
    .length;
  const simp = (sample.match(/[们这个说为国与发会来时对应见体后学从点开经过还进关于实现区机头报导们湾台将]/g) ?? [])
    .length;
  if (trad > simp * 2 && trad >= 5) return /香港|港澳|粵|廣東/.test(sample) ? 'zh-HK' : 'zh-TW';
  return 'zh-CN';
}
