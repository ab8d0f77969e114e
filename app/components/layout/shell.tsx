import { useState } from 'react';
import { Form, NavLink } from 'react-router';
// Served as files, not inlined: inlined, these four images were 1.5 KB of every page's script and
// 2.8 KB of every page's HTML (issue 24); as files they are fetched once and kept.
import flagUrl from '@uswds/uswds/img/us_flag_small.png?no-inline';
import dotGovUrl from '@uswds/uswds/img/icon-dot-gov.svg?no-inline';
import httpsUrl from '@uswds/uswds/img/icon-https.svg?no-inline';
import searchIconUrl from '@uswds/uswds/img/usa-icons-bg/search--white.svg?no-inline';

export function SkipLink() {
  return (
    <a className="usa-skipnav" href="#main-content">
      Skip to main content
    </a>
  );
}

/** The USWDS "official website" banner; the disclosure opens with JavaScript or stays closed. */
export function UsaBanner() {
  const [open, setOpen] = useState(false);
  return (
    <section className="usa-banner" aria-label="Official website of the United States government">
      <div className="usa-accordion">
        <header className="usa-banner__header">
          <div className="usa-banner__inner">
            <div className="grid-col-auto">
              <img aria-hidden="true" className="usa-banner__header-flag" src={flagUrl} alt="" />
            </div>
            <div className="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
              <p className="usa-banner__header-text">
                An official website of the United States government
              </p>
              <p className="usa-banner__header-action">Here’s how you know</p>
            </div>
            <button
              type="button"
              className="usa-accordion__button usa-banner__button"
              aria-expanded={open}
              aria-controls="gov-banner"
              onClick={() => setOpen((o) => !o)}
            >
              <span className="usa-banner__button-text">Here’s how you know</span>
            </button>
          </div>
        </header>
        <div className="usa-banner__content usa-accordion__content" id="gov-banner" hidden={!open}>
          <div className="grid-row grid-gap-lg">
            <div className="usa-banner__guidance tablet:grid-col-6">
              <img className="usa-banner__icon usa-media-block__img" src={dotGovUrl} alt="" />
              <div className="usa-media-block__body">
                <p>
                  <strong>Official websites use .gov</strong>
                  <br />A <strong>.gov</strong> website belongs to an official government
                  organization in the United States.
                </p>
              </div>
            </div>
            <div className="usa-banner__guidance tablet:grid-col-6">
              <img className="usa-banner__icon usa-media-block__img" src={httpsUrl} alt="" />
              <div className="usa-media-block__body">
                <p>
                  <strong>Secure .gov websites use HTTPS</strong>
                  <br />A <strong>lock</strong> or <strong>https://</strong> means you’ve safely
                  connected to the .gov website. Share sensitive information only on official,
                  secure websites.
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

export interface HeaderUser {
  name: string;
  agencyCode: string;
  isOmbLead: boolean;
  isPoc: boolean;
  /** Phase requests waiting for this person's answer. */
  reviews: number;
  /** Grants access to a portfolio (a lead), or sees their agency's (a POC). */
  access: boolean;
  /** Notifications not yet read. */
  unread: number;
}

/** USWDS marks the current page's link with `usa-current`; NavLink adds aria-current="page". */
const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'usa-nav-link usa-current' : 'usa-nav-link';

/**
 * The USWDS extended header: the title on top, the main navigation in a bar under it, and who is
 * signed in (with Sign out) as its secondary links. There is no menu button: USWDS's needs
 * JavaScript, so on narrow screens the navigation stays in the page instead (app.css).
 */
export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="usa-header usa-header--extended">
      <div className="usa-navbar">
        <div className="usa-logo">
          <em className="usa-logo__text">
            <a href="/">Life Experience Workspace</a>
          </em>
        </div>
      </div>
      {user ? (
        <nav className="usa-nav" aria-label="Main">
          <div className="usa-nav__inner">
            <ul className="usa-nav__primary usa-accordion">
              <li className="usa-nav__primary-item">
                <NavLink className={navLinkClass} to="/" end>
                  <span>Portfolios</span>
                </NavLink>
              </li>
              <li className="usa-nav__primary-item">
                <NavLink className={navLinkClass} to="/projects" end>
                  <span>Projects</span>
                </NavLink>
              </li>
              <li className="usa-nav__primary-item">
                <NavLink className={navLinkClass} to="/calendar">
                  <span>Calendar</span>
                </NavLink>
              </li>
              <li className="usa-nav__primary-item">
                <NavLink className={navLinkClass} to="/pmc">
                  <span>PMC updates</span>
                </NavLink>
              </li>
              {user.isPoc ? (
                <li className="usa-nav__primary-item">
                  <NavLink className={navLinkClass} to="/reviews">
                    <span>
                      My reviews{' '}
                      <span
                        className={`usa-tag ${user.reviews > 0 ? 'bg-secondary-dark' : 'bg-base-lighter text-ink'}`}
                        aria-label={`${user.reviews} waiting`}
                      >
                        {user.reviews}
                      </span>
                    </span>
                  </NavLink>
                </li>
              ) : null}
              {user.access ? (
                <li className="usa-nav__primary-item">
                  <NavLink className={navLinkClass} to="/access">
                    <span>Access</span>
                  </NavLink>
                </li>
              ) : null}
              {user.isOmbLead ? (
                <li className="usa-nav__primary-item">
                  <NavLink className={navLinkClass} to="/audit">
                    <span>Audit log</span>
                  </NavLink>
                </li>
              ) : null}
              {user.isOmbLead ? (
                <li className="usa-nav__primary-item">
                  <NavLink className={navLinkClass} to="/settings">
                    <span>Settings</span>
                  </NavLink>
                </li>
              ) : null}
            </ul>
            <div className="usa-nav__secondary">
              <ul className="usa-nav__secondary-links">
                <li className="usa-nav__secondary-item">
                  Signed in as {user.name} ({user.agencyCode})
                </li>
                <li className="usa-nav__secondary-item">
                  <NavLink to="/notifications">
                    Notifications{' '}
                    <span
                      className={`usa-tag ${user.unread > 0 ? 'bg-secondary-dark' : 'bg-base-lighter text-ink'}`}
                      aria-label={`${user.unread} unread`}
                    >
                      {user.unread}
                    </span>
                  </NavLink>
                </li>
                <li className="usa-nav__secondary-item">
                  <NavLink to="/account">Your account</NavLink>
                </li>
                <li className="usa-nav__secondary-item">
                  <Form method="post" action="/logout">
                    <button type="submit" className="usa-button usa-button--unstyled font-sans-2xs">
                      Sign out
                    </button>
                  </Form>
                </li>
              </ul>
              <SiteSearch />
            </div>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__primary-section">
        <div className="grid-container padding-y-2">
          <p className="margin-0">
            Life Experience Workspace: portfolios, projects and phase gates under OMB Circular A-11
            Section 280.
          </p>
        </div>
      </div>
    </footer>
  );
}

/**
 * The search box on every page (issue 23): a plain GET form to the results page, so it works
 * without JavaScript.
 */
function SiteSearch() {
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className="usa-search usa-search--small site-search"
    >
      <label className="usa-sr-only" htmlFor="site-search">
        Search the workspace
      </label>
      <input className="usa-input" id="site-search" type="search" name="q" maxLength={200} />
      <button className="usa-button" type="submit">
        <img src={searchIconUrl} className="usa-search__submit-icon" alt="Search" />
      </button>
    </Form>
  );
}
