/**
 * Demo people for trying the workspace locally: one account per role (listed in the README),
 * plus the POCs, PMC members and leads the other portfolios need so every role has work to see.
 * The people are fictional; their agencies and roles follow the seeded portfolios.
 */

export const DEMO_PASSWORD = 'workspace-demo';

export interface DemoPerson {
  email: string;
  name: string;
  title: string;
  agency: string;
  isOmbLead?: boolean;
  /** Portfolio slug → membership role. */
  memberships?: Record<string, 'lead' | 'member' | 'viewer'>;
  /** Portfolio slugs where this person is the agency's POC. */
  pocIn?: string[];
  /** Portfolio slugs where this person is the agency's PMC member. */
  pmcIn?: string[];
}

/** The one account per role that the README lists. */
export const ROLE_ACCOUNTS: DemoPerson[] = [
  {
    email: 'omb.lead@example.gov',
    name: 'Dana Whitfield',
    title: 'Life Experience Program Lead',
    agency: 'OMB',
    isOmbLead: true,
  },
  {
    email: 'portfolio.lead@example.gov',
    name: 'Marcus Oyelaran',
    title: 'Portfolio Lead, Having a Child and Early Childhood',
    agency: 'HHS',
    memberships: { 'having-a-child': 'lead' },
  },
  {
    email: 'team.member@example.gov',
    name: 'Priya Raman',
    title: 'Service Designer',
    agency: 'USDA',
    memberships: { 'having-a-child': 'member', 'facing-a-financial-shock': 'member' },
  },
  {
    email: 'agency.poc@example.gov',
    name: 'Luis Ortega',
    title: 'USDA Life Experience Point of Contact',
    agency: 'USDA',
    pocIn: ['having-a-child', 'facing-a-financial-shock', 'recovering-from-a-disaster'],
  },
  {
    email: 'pmc.member@example.gov',
    name: 'Evelyn Park',
    title: 'Deputy Secretary (PMC member)',
    agency: 'USDA',
    pmcIn: ['having-a-child', 'facing-a-financial-shock', 'recovering-from-a-disaster'],
  },
  {
    email: 'viewer@example.gov',
    name: 'Jordan Blake',
    title: 'Performance Analyst',
    agency: 'GSA',
    memberships: {
      'approaching-retirement': 'viewer',
      'recovering-from-a-disaster': 'viewer',
      'transition-to-civilian-life': 'viewer',
      'having-a-child': 'viewer',
      'facing-a-financial-shock': 'viewer',
    },
  },
];

const LEADS: Record<string, { name: string; agency: string }> = {
  'approaching-retirement': { name: 'Grace Holloway', agency: 'ACL' },
  'recovering-from-a-disaster': { name: 'Tomás Alvarado', agency: 'FEMA' },
  'transition-to-civilian-life': { name: 'Keisha Monroe', agency: 'VA' },
  'facing-a-financial-shock': { name: 'Benjamin Cho', agency: 'USDA' },
};

const POC_NAMES: Record<string, string> = {
  ACL: 'Harriet Nguyen',
  SSA: 'Samuel Okafor',
  CMS: 'Rachel Lindqvist',
  FEMA: 'Andre Baptiste',
  SBA: 'Mei Tanaka',
  HUD: 'Carlos Medina',
  VA: 'Olivia Grant',
  DOD: 'Nathan Brooks',
  DOL: 'Fatima Haddad',
  HHS: 'Elena Petrova',
  HRSA: 'Kwame Mensah',
  GSA: 'Hannah Fischer',
};

const PMC_NAMES: Record<string, string> = {
  ACL: 'Walter Simmons',
  SSA: 'Denise Carter',
  CMS: 'Victor Ramirez',
  FEMA: 'Linda Osei',
  SBA: 'George Whitaker',
  HUD: 'Angela Ruiz',
  VA: 'Robert Kim',
  DOD: 'Patricia Hughes',
  DOL: 'Michael Adeyemi',
  HHS: 'Susan Delgado',
  HRSA: 'Anthony Russo',
  GSA: 'Catherine Moore',
};

/**
 * Everyone the demo needs, given each portfolio's participating agencies: the role accounts,
 * a lead per portfolio, and a POC and PMC member for every participating agency that the
 * role accounts do not already cover.
 */
export function demoPeople(portfolios: { slug: string; agencies: string[] }[]): DemoPerson[] {
  const people = ROLE_ACCOUNTS.map((p) => ({ ...p }));
  for (const [slug, lead] of Object.entries(LEADS)) {
    people.push({
      email: `${slug.split('-')[0]}.lead@example.gov`,
      name: lead.name,
      title: 'Portfolio Lead',
      agency: lead.agency,
      memberships: { [slug]: 'lead' },
    });
  }
  const pocs = new Map<string, DemoPerson>();
  const pmcs = new Map<string, DemoPerson>();
  for (const { slug, agencies } of portfolios) {
    for (const code of agencies) {
      if (code !== 'USDA') {
        const poc = pocs.get(code) ?? {
          email: `${code.toLowerCase()}.poc@example.gov`,
          name: POC_NAMES[code] ?? `${code} Point of Contact`,
          title: `${code} Life Experience Point of Contact`,
          agency: code,
          pocIn: [],
        };
        poc.pocIn!.push(slug);
        pocs.set(code, poc);
        const pmc = pmcs.get(code) ?? {
          email: `${code.toLowerCase()}.pmc@example.gov`,
          name: PMC_NAMES[code] ?? `${code} PMC Member`,
          title: 'Deputy Secretary (PMC member)',
          agency: code,
          pmcIn: [],
        };
        pmc.pmcIn!.push(slug);
        pmcs.set(code, pmc);
      }
    }
  }
  return [...people, ...pocs.values(), ...pmcs.values()];
}
