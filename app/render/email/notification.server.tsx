/**
 * Notifications as email (issue 22, point 3): HTML from React components and a plain-text twin
 * with the same words. Real headings, links whose text says where they go, no images and nothing
 * that reports back when the message is opened. Every message says why it came and how to stop
 * it (one click, and the person's choices page).
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

interface Footer {
  /** The person's notifications page, as an absolute URL. */
  notificationsUrl: string;
  /** The person's email choices page, as an absolute URL. */
  settingsUrl: string;
  /** The one-click unsubscribe page for this message, when it has one. */
  unsubscribeUrl: string | null;
}

const STOP = { notification: 'Stop emails like this one', digest: 'Stop the daily summary email' };

export interface NotificationMail extends Footer {
  title: string;
  body: string;
  /** What kind of notification this is, in words (KIND_LABELS). */
  kind: string;
  /** The thing it is about, as an absolute URL. */
  url: string;
}

export interface DigestMail extends Footer {
  title: string;
  groups: {
    label: string;
    items: { title: string; body: string; url: string }[];
  }[];
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const text = { fontFamily: 'Source Sans Pro, Helvetica, Arial, sans-serif', color: '#1b1b1b' };
const link = { color: '#005ea2' };

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{title}</title>
      </head>
      <body style={{ ...text, fontSize: '16px', lineHeight: 1.5, margin: 0, padding: '16px' }}>
        <p style={{ margin: '0 0 8px', fontSize: '14px' }}>Life Experience Workspace</p>
        <h1 style={{ fontSize: '22px', margin: '0 0 16px' }}>{title}</h1>
        {children}
      </body>
    </html>
  );
}

function FooterBlock({ why, footer, stop }: { why: string; footer: Footer; stop: string }) {
  return (
    <>
      <hr style={{ border: 0, borderTop: '1px solid #dfe1e2' }} />
      <p style={{ fontSize: '14px', margin: '16px 0 0' }}>
        {why} See all your notifications on{' '}
        <a href={footer.notificationsUrl} style={link}>
          your notifications page
        </a>
        , and choose how each kind reaches you on{' '}
        <a href={footer.settingsUrl} style={link}>
          your email choices page
        </a>
        .
      </p>
      {footer.unsubscribeUrl ? (
        <p style={{ fontSize: '14px', margin: '8px 0 0' }}>
          <a href={footer.unsubscribeUrl} style={link}>
            {stop}
          </a>
        </p>
      ) : null}
    </>
  );
}

function footerText(why: string, footer: Footer, stop: string): string[] {
  return [
    '--',
    why,
    `All your notifications: ${footer.notificationsUrl}`,
    `Your email choices: ${footer.settingsUrl}`,
    ...(footer.unsubscribeUrl ? [`${stop}: ${footer.unsubscribeUrl}`] : []),
    '',
  ];
}

const html = (node: ReactNode) => `<!DOCTYPE html>${renderToStaticMarkup(node)}`;

export function renderNotificationMail(mail: NotificationMail): RenderedMail {
  const why = `You receive this because of your role in the workspace (${mail.kind}).`;
  return {
    subject: mail.title,
    html: html(
      <Page title={mail.title}>
        <p style={{ margin: '0 0 16px' }}>{mail.body}</p>
        <p style={{ margin: '0 0 24px' }}>
          <a href={mail.url} style={link}>
            Open this in the Life Experience Workspace
          </a>
        </p>
        <FooterBlock why={why} footer={mail} stop={STOP.notification} />
      </Page>,
    ),
    text: [
      mail.title,
      '',
      mail.body,
      '',
      `Open this in the Life Experience Workspace: ${mail.url}`,
      '',
      ...footerText(why, mail, STOP.notification),
    ].join('\n'),
  };
}

export function renderDigestMail(mail: DigestMail): RenderedMail {
  const why = 'You receive this summary because you chose a daily summary for these kinds.';
  return {
    subject: mail.title,
    html: html(
      <Page title={mail.title}>
        {mail.groups.map((g) => (
          <section key={g.label}>
            <h2 style={{ fontSize: '18px', margin: '24px 0 8px' }}>
              {g.label} ({g.items.length})
            </h2>
            <ul style={{ margin: '0 0 16px', paddingLeft: '20px' }}>
              {g.items.map((i, n) => (
                <li key={n} style={{ margin: '0 0 12px' }}>
                  <a href={i.url} style={link}>
                    {i.title}
                  </a>
                  <br />
                  {i.body}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <FooterBlock why={why} footer={mail} stop={STOP.digest} />
      </Page>,
    ),
    text: [
      mail.title,
      '',
      ...mail.groups.flatMap((g) => [
        `## ${g.label} (${g.items.length})`,
        '',
        ...g.items.flatMap((i) => [`- ${i.title}`, `  ${i.body}`, `  ${i.url}`, '']),
      ]),
      ...footerText(why, mail, STOP.digest),
    ].join('\n'),
  };
}
