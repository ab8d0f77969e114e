/**
 * Several app servers, one live document (issue 18, point 4): Hocuspocus's Redis extension
 * relays each server's changes and carets to the others over Redis publish/subscribe.
 *
 * Two changes to the extension as published:
 * - **No storage lock.** The extension lets one server at a time store a document. Here every
 *   server stores its own copy: storing merges it with what is stored (app/commands/collab.ts),
 *   and a Yjs merge is idempotent, so two servers storing at once lose nothing.
 * - **Redis down is not an outage.** Editing goes on on each server, and every change is still in
 *   the database before it is acknowledged; each server's documents pick up the others' changes
 *   when they are next stored. When Redis is back, each server subscribes again to the documents
 *   it holds and asks the others for what it lacks: the documents converge live again. Commands
 *   fail at once while Redis is unreachable (no offline queue), so nothing waits on it.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload } from '@hocuspocus/server';
import IORedis from 'ioredis';

/** Reconnection back-off: quick at first, at most every two seconds. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * attempt, 2000);
}

export class WorkspaceRedis extends RedisExtension {
  /** Both connections are up, and every open document is subscribed. */
  private relaying = false;
  /** Told the operator Redis is unreachable, and not yet that it is back. */
  private warned = false;
  private closing = false;

  constructor(url: string) {
    super({
      createClient: () =>
        new IORedis(url, {
          enableOfflineQueue: false,
          // The ready check (INFO) is refused on a connection in subscriber mode, as `sub` is
          // when it reconnects.
          enableReadyCheck: false,
          maxRetriesPerRequest: 0,
          retryStrategy: reconnectDelay,
        }),
      prefix: 'workspace-collab',
      // How long a document stays subscribed after its last editor leaves, for changes in flight.
      disconnectDelay: 250,
    });
    for (const client of [this.pub, this.sub]) {
      client.on('error', () => this.wentDown(true));
      client.on('ready', () => void this.cameBack());
    }
    // The extension publishes without waiting in places (a reply to another server, the first
    // sync step after subscribing): a publish that fails must never become an unhandled rejection,
    // which would end the process.
    const publish = this.pub.publish.bind(this.pub) as (
      channel: string,
      message: Buffer,
    ) => Promise<number>;
    this.pub.publish = ((channel: string, message: Buffer) =>
      publish(channel, message).catch(() => {
        this.wentDown(false);
        return 0;
      })) as never;
  }

  /**
   * A command failed or a connection broke. `broken` is a connection error (worth telling the
   * operator); a command refused before the first connection is ready is not.
   */
  private wentDown(broken: boolean) {
    this.relaying = false;
    if (!broken || this.warned || this.closing) return;
    this.warned = true;
    console.warn(
      'Redis is unreachable: live editing goes on on each server, and their documents converge ' +
        'through the database until it is back.',
    );
  }

  /** Once both connections are up: subscribes to every open document and asks the others. */
  private async cameBack() {
    if (this.relaying || this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    this.relaying = true;
    if (this.warned) {
      this.warned = false;
      console.warn('Redis is reachable again: live editing across servers resumes.');
    }
    for (const document of this.instance?.documents.values() ?? []) {
      await this.afterLoadDocument({ documentName: document.name, document } as never);
    }
  }

  /** Each server stores its own copy, merged with the stored one: no lock (see above). */
  override async onStoreDocument() {}

  override async afterLoadDocument(data: afterLoadDocumentPayload) {
    try {
      await super.afterLoadDocument(data);
    } catch {
      this.wentDown(false);
    }
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload) {
    if (data.instance.documents.has(data.documentName)) return;
    await this.sub
      .unsubscribe(`workspace-collab:${data.documentName}`)
      .catch(() => this.wentDown(false));
  }

  /** Closes both connections at once (the extension's own waits for its lock client). */
  override async onDestroy() {
    this.closing = true;
    this.pub.disconnect(false);
    this.sub.disconnect(false);
  }
}
