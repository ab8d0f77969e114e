/**
 * One illustrative journey per portfolio, drawn by the workspace from what the reference texts say
 * of each life experience (PMA CX priority page; A-11 280.16). Scores and steps are illustrative:
 * they show how a map reads, they are not research findings. Each map says so on its page.
 */
import type { Kysely } from 'kysely';
import { createJourney } from '~/commands/journeys';
import type { Database } from '#db/schema';

interface SeedStep {
  title: string;
  score: number;
  actors: string[];
  channel?: 'web' | 'phone' | 'in person' | 'mail' | 'email' | 'text';
  touchpoint?: string;
  painPoints?: string;
  opportunities?: string;
}

interface SeedJourney {
  portfolio: string;
  title: string;
  personas: string;
  description: string;
  source: string;
  stages: { name: string; steps: SeedStep[] }[];
}

const NOTE =
  'Illustrative: drawn by the workspace from the reference texts to show how a journey map works; not a published journey map or research finding.';

export const JOURNEYS: SeedJourney[] = [
  {
    portfolio: 'having-a-child',
    title: 'Having a child: from pregnancy to the first months',
    personas: 'A first-time parent with a low income; a Healthy Start peer navigator',
    description: 'Prenatal care, birth, the newborn supply kit, then WIC and Medicaid enrollment.',
    source:
      'PMA highlights May 2023 (Newborn Supply Kits) and July 2024 (Alumni Peer Navigator Services).',
    stages: [
      {
        name: 'Pregnancy',
        steps: [
          {
            title: 'Find prenatal care',
            score: 2,
            actors: ['Parent'],
            channel: 'phone',
            touchpoint: 'Medicaid (CMS, state agency)',
            painPoints: 'Unsure which programs cover prenatal visits.',
            opportunities: 'Peer navigators explain options early.',
          },
          {
            title: 'Meet a peer navigator',
            score: 4,
            actors: ['Parent', 'Peer navigator'],
            channel: 'in person',
            touchpoint: 'Healthy Start (HRSA)',
          },
        ],
      },
      {
        name: 'Birth',
        steps: [
          {
            title: 'Give birth at the hospital',
            score: 3,
            actors: ['Parent', 'Hospital staff'],
            channel: 'in person',
          },
          {
            title: 'Receive a newborn supply kit',
            score: 5,
            actors: ['Parent'],
            channel: 'in person',
            touchpoint: 'Hospital partner',
            opportunities: 'Use the kit to share information on WIC and Medicaid.',
          },
        ],
      },
      {
        name: 'First months at home',
        steps: [
          {
            title: 'Enroll the baby in Medicaid',
            score: 2,
            actors: ['Parent'],
            channel: 'web',
            touchpoint: 'State Medicaid agency',
            painPoints: 'Documents requested again after the birth.',
          },
          {
            title: 'Apply for WIC',
            score: 2,
            actors: ['Parent'],
            channel: 'in person',
            touchpoint: 'WIC clinic (USDA FNS)',
            painPoints: 'A separate application with the same information.',
          },
          {
            title: 'Get a Social Security number for the baby',
            score: 4,
            actors: ['Parent'],
            channel: 'mail',
            touchpoint: 'SSA (Enumeration at Birth)',
          },
        ],
      },
    ],
  },
  {
    portfolio: 'facing-a-financial-shock',
    title: 'Facing a financial shock: losing income and getting help',
    personas: 'A worker whose hours were cut; a state eligibility worker',
    description: 'From a loss of income to Medicaid and SNAP, and the renewal a year later.',
    source:
      'PMA highlights May 2023 (ex parte renewals) and July 2024 (consent-based payroll verification).',
    stages: [
      { name: 'The shock', steps: [{ title: 'Lose hours at work', score: 1, actors: ['Worker'] }] },
      {
        name: 'Applying',
        steps: [
          {
            title: 'Apply for Medicaid and SNAP',
            score: 2,
            actors: ['Worker'],
            channel: 'web',
            touchpoint: 'State benefits portal',
          },
          {
            title: 'Gather pay stubs to prove income',
            score: 1,
            actors: ['Worker', 'Employer'],
            channel: 'mail',
            painPoints: 'Pay stubs are hard to get after a job change; applications stall.',
            opportunities: 'Consent-based verification of payroll data.',
          },
          {
            title: 'Wait for an eligibility decision',
            score: 2,
            actors: ['Worker', 'Eligibility worker'],
            channel: 'phone',
          },
        ],
      },
      {
        name: 'Renewing',
        steps: [
          {
            title: 'Renew coverage a year later',
            score: 2,
            actors: ['Worker'],
            channel: 'mail',
            painPoints: 'Eligible people lose coverage over paperwork.',
            opportunities: 'Renew ex parte with data the state already has.',
          },
        ],
      },
    ],
  },
  {
    portfolio: 'recovering-from-a-disaster',
    title: 'Recovering from a disaster: from the storm to rebuilding',
    personas: 'A homeowner whose house was damaged; a FEMA frontline staff member',
    description: 'Registering for help, inspections and documents, loans, and rebuilding.',
    source:
      'PMA challenge statement ("mountains of paperwork") and highlights July and November 2024.',
    stages: [
      {
        name: 'Right after the disaster',
        steps: [
          {
            title: 'Find out what help exists',
            score: 1,
            actors: ['Survivor'],
            channel: 'phone',
            painPoints: 'Many programs, each with its own rules.',
          },
          {
            title: 'Register for assistance',
            score: 2,
            actors: ['Survivor', 'FEMA staff'],
            channel: 'web',
            touchpoint: 'FEMA',
            opportunities: 'Trauma-informed conversations at every contact.',
          },
        ],
      },
      {
        name: 'Proving the loss',
        steps: [
          {
            title: 'Home inspection',
            score: 2,
            actors: ['Survivor', 'Inspector'],
            channel: 'in person',
            touchpoint: 'FEMA',
          },
          {
            title: 'Send documents again to each program',
            score: 1,
            actors: ['Survivor'],
            channel: 'mail',
            painPoints: 'The same information repeated to several agencies.',
            opportunities: 'Share data across agencies with consent.',
          },
        ],
      },
      {
        name: 'Rebuilding',
        steps: [
          {
            title: 'Apply for a disaster loan',
            score: 2,
            actors: ['Survivor'],
            channel: 'web',
            touchpoint: 'SBA',
          },
          { title: 'Repair the home', score: 3, actors: ['Survivor', 'Contractor'] },
        ],
      },
    ],
  },
  {
    portfolio: 'approaching-retirement',
    title: 'Approaching retirement: deciding and enrolling',
    personas: 'A worker in their early sixties and their adult child who helps',
    description:
      'Planning, deciding when to claim Social Security, Medicare enrollment, and finding local support.',
    source:
      'PMA highlights April, July and November 2024 (Federal Decision Support Guide; Federal Forum on Serving Older Adults).',
    stages: [
      {
        name: 'Planning',
        steps: [
          {
            title: 'Look for trustworthy guidance',
            score: 2,
            actors: ['Older adult', 'Caregiver'],
            channel: 'web',
            painPoints: 'Guidance is scattered across agencies.',
            opportunities: 'One decision support guide.',
          },
          {
            title: 'Talk to a community organization',
            score: 4,
            actors: ['Older adult', 'Community organization'],
            channel: 'in person',
          },
        ],
      },
      {
        name: 'Deciding',
        steps: [
          {
            title: 'Decide when to claim Social Security',
            score: 2,
            actors: ['Older adult'],
            channel: 'web',
            touchpoint: 'SSA',
          },
          {
            title: 'Enroll in Medicare on time',
            score: 2,
            actors: ['Older adult'],
            channel: 'web',
            touchpoint: 'CMS, SSA',
            painPoints: 'Deadlines and penalties are easy to miss.',
          },
        ],
      },
      {
        name: 'Living in retirement',
        steps: [
          {
            title: 'Find help with prescription costs (Extra Help)',
            score: 3,
            actors: ['Older adult'],
            channel: 'phone',
            touchpoint: 'SSA',
          },
        ],
      },
    ],
  },
  {
    portfolio: 'transition-to-civilian-life',
    title: 'Transition to civilian life: from service to a new start',
    personas: 'A service member separating after eight years, and their spouse',
    description: 'Preparing to leave service, applying for VA benefits, and finding work.',
    source: 'PMA highlights July 2024 (VA.gov application for transitioning service members).',
    stages: [
      {
        name: 'Preparing to separate',
        steps: [
          {
            title: 'Attend transition assistance',
            score: 3,
            actors: ['Service member'],
            channel: 'in person',
            touchpoint: 'DoD',
          },
          {
            title: 'Learn which benefits apply',
            score: 2,
            actors: ['Service member', 'Spouse'],
            channel: 'web',
            touchpoint: 'VA.gov',
            painPoints: 'Too much information, not specific to them.',
            opportunities: 'A personalized application on VA.gov.',
          },
        ],
      },
      {
        name: 'After separation',
        steps: [
          {
            title: 'Apply for VA health care and benefits',
            score: 3,
            actors: ['Veteran'],
            channel: 'web',
            touchpoint: 'VA',
          },
          {
            title: 'Look for a civilian job',
            score: 2,
            actors: ['Veteran'],
            channel: 'web',
            touchpoint: 'DOL',
          },
        ],
      },
    ],
  },
];

/** Creates the illustrative maps that are missing (by portfolio and title); returns how many. */
export async function seedJourneys(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const j of JOURNEYS) {
    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', j.portfolio)
      .executeTakeFirst();
    if (!portfolio) continue;
    const exists = await db
      .selectFrom('journey_maps')
      .select('id')
      .where('portfolio_id', '=', portfolio.id)
      .where('title', '=', j.title)
      .executeTakeFirst();
    if (exists) continue;
    await createJourney(db, {
      portfolioId: portfolio.id,
      actorId: null,
      details: {
        title: j.title,
        personas: j.personas,
        description: j.description,
        versionLabel: 'as_is',
        versionName: '',
      },
      diagram: {
        title: j.title,
        description: j.description,
        stages: j.stages.map((s) => ({
          name: s.name,
          steps: s.steps.map(({ title, score, actors }) => ({ title, score, actors })),
        })),
      },
      illustrative: true,
      sourceNote: `${NOTE} Sources: ${j.source}`,
      extra: j.stages.flatMap((s) =>
        s.steps.map((st) => ({
          channel: st.channel,
          touchpoint: st.touchpoint ?? '',
          painPoints: st.painPoints ?? '',
          opportunities: st.opportunities ?? '',
          notes: '',
        })),
      ),
    });
    added++;
  }
  return added;
}
