import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { NotesProtocol, NotesReply, ProtocolData, ProtocolMessage, ProtocolResult } from '../shared/messages';

type Value<K extends keyof NotesProtocol> = ProtocolResult<NotesProtocol, K> extends NotesReply<infer T> ? T : never;

/**
 * Send a notes write to the background (the only writer) and unwrap its reply.
 * @throws Error with the user-facing message when the write was refused (nothing changed) or the background is not
 *   reachable
 */
export async function sendNotes<K extends keyof NotesProtocol>(name: K, data: ProtocolData<NotesProtocol, K>): Promise<Value<K>> {
  const r = (await browser.runtime.sendMessage({ name, data } as ProtocolMessage<NotesProtocol>)) as NotesReply<Value<K>> | undefined;
  if (!r) throw new Error(t('notesNoBackground'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
