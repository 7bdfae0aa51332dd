import { t } from './i18n';
import { sendUItoBG } from './connector';
import type { NotesProtocol, NotesReply, ProtocolData, ProtocolResult } from './messages';

type Value<K extends keyof NotesProtocol> = ProtocolResult<NotesProtocol, K> extends NotesReply<infer T> ? T : never;

/**
 * The value of a notes write's reply.
 * @throws Error with the user-facing message when the write was refused (nothing changed), or when there is no reply
 *   (the background is not reachable)
 */
export function notesValue<T>(reply: NotesReply<T> | undefined): T {
  if (!reply) throw new Error(t('notesNoBackground'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * A notes write from an extension page (popup, notes page): `sendUItoBG` to the background (the only writer), then
 * its reply's value. @throws as notesValue
 */
export async function sendNotes<K extends keyof NotesProtocol>(
  name: K,
  data: ProtocolData<NotesProtocol, K>,
): Promise<Value<K>> {
  return notesValue((await sendUItoBG(name, data)) as NotesReply<Value<K>> | undefined);
}
