/**
 * Renders each document completely before answering. The workspace's pages have no deferred
 * data, so streaming the shell early gains nothing, while buffering skips a chain of Node and web
 * streams per request (measured in scripts/bench.mjs) and lets an error during rendering still
 * answer with an error status.
 */
import { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext, type RouterContextProvider } from 'react-router';
import { NonceContext } from '~/lib/nonce';
import { KeptMarkup } from '~/components/ui/server-markup';
import { keptMarkupContext, nonceContext } from '~/web/context.server';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
): Promise<Response> {
  const nonce = loadContext.get(nonceContext);
  return new Promise((resolve, reject) => {
    let status = responseStatusCode;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(Buffer.concat(chunks), { status, headers: responseHeaders }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <KeptMarkup.Provider value={loadContext.get(keptMarkupContext)}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </KeptMarkup.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          pipe(sink);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          status = 500;
          // Logged here; the route's error boundary shows the person a plain message.
          console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}
