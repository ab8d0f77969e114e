/**
 * A notification as an email (issue 22, point 3): HTML from a React component and a plain-text
 * twin with the same words. Real headings, a link whose text says where it goes, no images and
 * nothing that reports back when the message is opened.
 */
import { renderToStaticMarkup } from 'react-dom/server';

export interface NotificationMail {
  title: string;
  body: string;
  /** What kind of notification this is, in words (KIND_LABELS). */
  kind: string;
  /** The thing it is about, as an absolute URL. */
  url: string;
  /** The person's notifications page, as an absolute URL. */
  notificationsUrl: string;
}

const text = { fontFamily: 'Source Sans Pro, Helvetica, Arial, sans-serif', color: '#1b1b1b' };

function NotificationEmail({ mail }: { mail: NotificationMail }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{mail.title}</title>
      </head>
      <body style={{ ...text, fontSize: '16px', lineHeight: 1.5, margin: 0, padding: '16px' }}>
        <p style={{ margin: '0 0 8px', fontSize: '14px' }}>Life Experience Workspace</p>
        <h1 style={{ fontSize: '22px', margin: '0 0 16px' }}>{mail.title}</h1>
        <p style={{ margin: '0 0 16px' }}>{mail.body}</p>
        <p style={{ margin: '0 0 24px' }}>
          <a href={mail.url} style={{ color: '#005ea2' }}>
            Open this in the Life Experience Workspace
          </a>
        </p>
        <hr style={{ border: 0, borderTop: '1px solid #dfe1e2' }} />
        <p style={{ fontSize: '14px', margin: '16px 0 0' }}>
          You receive this because of your role in the workspace ({mail.kind}). See all your
          notifications on{' '}
          <a href={mail.notificationsUrl} style={{ color: '#005ea2' }}>
            your notifications page
          </a>
          .
        </p>
      </body>
    </html>
  );
}

export function renderNotificationMail(mail: NotificationMail): {
  subject: string;
  html: string;
  text: string;
} {
  return {
    subject: mail.title,
    html: `<!DOCTYPE html>${renderToStaticMarkup(<NotificationEmail mail={mail} />)}`,
    text: [
      mail.title,
      '',
      mail.body,
      '',
      `Open this in the Life Experience Workspace: ${mail.url}`,
      '',
      '--',
      `You receive this because of your role in the workspace (${mail.kind}).`,
      `All your notifications: ${mail.notificationsUrl}`,
      '',
    ].join('\n'),
  };
}
