/**
 * The public Life Experience program as the reference texts describe it.
 *
 * Sources (copies in ../shared/reference/):
 * - PMA: the President's Management Agenda CX priority page on performance.gov, whose dated
 *   "Highlights" report the projects and milestones below;
 * - OMB Circular A-11 Section 280 (280.16 for the program, portfolios and phases).
 *
 * Descriptions are our own words. Where the texts are silent (which agencies take part in a
 * project, a portfolio's lead agency unless named), the seed says so in `sourceNote`.
 */
import type { Health, MilestoneStatus, Phase } from '~/domain/portfolio/types';

export interface SeedAgency {
  code: string;
  name: string;
  parent?: string;
}

export const AGENCIES: SeedAgency[] = [
  { code: 'OMB', name: 'Office of Management and Budget' },
  { code: 'GSA', name: 'General Services Administration' },
  { code: 'USDA', name: 'Department of Agriculture' },
  { code: 'FNS', name: 'Food and Nutrition Service', parent: 'USDA' },
  { code: 'VA', name: 'Department of Veterans Affairs' },
  { code: 'SSA', name: 'Social Security Administration' },
  { code: 'HHS', name: 'Department of Health and Human Services' },
  { code: 'ACL', name: 'Administration for Community Living', parent: 'HHS' },
  { code: 'HRSA', name: 'Health Resources and Services Administration', parent: 'HHS' },
  { code: 'CMS', name: 'Centers for Medicare & Medicaid Services', parent: 'HHS' },
  { code: 'DHS', name: 'Department of Homeland Security' },
  { code: 'FEMA', name: 'Federal Emergency Management Agency', parent: 'DHS' },
  { code: 'DOD', name: 'Department of Defense' },
  { code: 'DOL', name: 'Department of Labor' },
  { code: 'SBA', name: 'Small Business Administration' },
  { code: 'HUD', name: 'Department of Housing and Urban Development' },
  { code: 'TREAS', name: 'Department of the Treasury' },
  { code: 'IRS', name: 'Internal Revenue Service', parent: 'TREAS' },
  { code: 'STATE', name: 'Department of State' },
  { code: 'OPM', name: 'Office of Personnel Management' },
];

export interface SeedMilestone {
  title: string;
  owner: string;
  status: MilestoneStatus;
  fy: number;
  quarter: number | null;
  sourceNote: string;
}

export interface SeedProject {
  name: string;
  summary: string;
  painPoints: string;
  outcomesShortTerm: string;
  outcomesLongTerm: string;
  phase: Phase;
  health: Health;
  ownerAgency: string;
  agencies: string[];
  sourceNote: string;
  milestones: SeedMilestone[];
}

export interface SeedPortfolio {
  slug: string;
  name: string;
  description: string;
  leadAgency: string;
  agencies: string[];
  /** The first fiscal year of the four-year cycle (Discovery), FY 2022 for the current program. */
  cycleStartFy: number;
  sourceNote: string;
  projects: SeedProject[];
}

const CYCLE_NOTE =
  'Cycle: discovery sprints reported in November 2022, initial design phase completed by December 2023, development focus from FY 2024 (PMA highlights).';
const AGENCIES_NOTE =
  'Participating agencies are this workspace’s seed assumption where the reference texts do not list them.';

export const PORTFOLIOS: SeedPortfolio[] = [
  {
    slug: 'approaching-retirement',
    name: 'Approaching Retirement',
    description:
      'People nearing retirement, and the caregivers who help them, face decisions about Social Security, Medicare, housing and care that span several agencies. This Life Experience helps older adults find trustworthy decision support and helps the community organizations that serve them.',
    leadAgency: 'ACL',
    agencies: ['ACL', 'SSA', 'CMS'],
    cycleStartFy: 2022,
    sourceNote: `PMA highlights, November 2024: the interagency team is led by the Administration for Community Living. ${CYCLE_NOTE} ${AGENCIES_NOTE}`,
    projects: [
      {
        name: 'Increasing Access to Decision-Making Support for Older Adults',
        summary:
          'Gives older adults and their caregivers one place to find decision support on health care, housing and retirement, and equips community-based organizations through a federal forum series.',
        painPoints:
          'Guidance on retirement decisions is scattered across agencies; community organizations lack current federal materials to share.',
        outcomesShortTerm:
          'Community-based organization staff report better access to materials and tools for the older adults they serve.',
        outcomesLongTerm: 'Older adults make informed retirement decisions with less effort.',
        phase: 'measurement',
        health: 'on_track',
        ownerAgency: 'ACL',
        agencies: ['ACL', 'SSA', 'CMS'],
        sourceNote: `PMA highlights April 2024, July 2024 and November 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Host the first Federal Forum for Older Adults (more than 200 attendees from inside and outside government)',
            owner: 'ACL',
            status: 'completed',
            fy: 2024,
            quarter: 2,
            sourceNote: 'PMA highlights, April 2024.',
          },
          {
            title:
              'Publish a dedicated webpage for the Federal Decision Support Guide, with modules on health care, housing and more',
            owner: 'ACL',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title:
              'Host the third and final Federal Forum on Serving Older Adults (380+ community organization staff over the pilot; 97% reported better access to tools)',
            owner: 'ACL',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, November 2024 (forum held in September 2024).',
          },
          {
            title:
              'Improve cross-agency data sharing to serve seniors more efficiently and effectively',
            owner: 'ACL, SSA, CMS',
            status: 'in_progress',
            fy: 2025,
            quarter: null,
            sourceNote: 'PMA page, Life Experiences "In progress" list.',
          },
        ],
      },
    ],
  },
  {
    slug: 'recovering-from-a-disaster',
    name: 'Recovering from a Disaster',
    description:
      'Disaster survivors face mountains of paperwork across federal, state and local programs at the worst moment of their lives. This Life Experience reduces that burden and brings trauma-informed practice to the people who serve survivors.',
    leadAgency: 'FEMA',
    agencies: ['FEMA', 'SBA', 'HUD', 'USDA'],
    cycleStartFy: 2022,
    sourceNote: `PMA challenge statement and highlights, July 2024 and November 2024. ${CYCLE_NOTE} ${AGENCIES_NOTE}`,
    projects: [
      {
        name: 'Trauma-Informed Disaster Response course',
        summary:
          'A course that trains frontline disaster staff to serve survivors in a trauma-informed way, shaped with feedback from nonprofits, state and local governments and community organizations.',
        painPoints:
          'Survivors describe interactions that add to their distress; frontline staff have little training in trauma-informed practice.',
        outcomesShortTerm: 'Over 300 FEMA frontline staff trained in trauma-informed practices.',
        outcomesLongTerm:
          'Survivors experience federal disaster assistance as humane and supportive.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'FEMA',
        agencies: ['FEMA', 'SBA'],
        sourceNote: `PMA highlights, July 2024 and November 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Invite national nonprofits, state and local governments and community organizations to take the course and give feedback',
            owner: 'FEMA',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title: 'Train over 300 FEMA frontline staff in trauma-informed practices',
            owner: 'FEMA',
            status: 'in_progress',
            fy: 2025,
            quarter: 1,
            sourceNote: 'PMA highlights, November 2024 ("on track").',
          },
        ],
      },
      {
        name: 'Holistic Burden Assessment toolkit',
        summary:
          'A toolkit any customer-facing team can use to identify, measure and plan reductions in the burden its processes put on the public, built from the input of five federal agencies.',
        painPoints:
          'Survivors repeat the same information to several programs; burden estimates leave out learning and psychological costs.',
        outcomesShortTerm:
          'Agencies measure holistic burden in their disaster assistance processes.',
        outcomesLongTerm: 'Less time, money and stress spent by survivors applying for help.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'FEMA',
        agencies: ['FEMA', 'SBA', 'HUD', 'USDA'],
        sourceNote: `PMA highlights, July 2024 (improving the toolkit with agencies) and November 2024 (finalized with input from five agencies). ${AGENCIES_NOTE}`,
        milestones: [
          {
            title: 'Work with agencies to improve the burden assessment toolkit',
            owner: 'FEMA, SBA, HUD, USDA',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title:
              'Finalize the Holistic Burden Assessment toolkit with inputs from five federal agencies',
            owner: 'FEMA',
            status: 'completed',
            fy: 2025,
            quarter: 1,
            sourceNote: 'PMA highlights, November 2024.',
          },
          {
            title: 'Host a webinar with updates on pilot projects and milestones',
            owner: 'Recovering from a Disaster team',
            status: 'completed',
            fy: 2024,
            quarter: 2,
            sourceNote: 'PMA highlights, April 2024.',
          },
          {
            title:
              'Improve cross-agency data sharing to provide assistance to disaster survivors more efficiently',
            owner: 'FEMA, SBA, HUD',
            status: 'in_progress',
            fy: 2025,
            quarter: null,
            sourceNote: 'PMA page, Life Experiences "In progress" list.',
          },
        ],
      },
    ],
  },
  {
    slug: 'transition-to-civilian-life',
    name: 'Navigating the Transition to Civilian Life',
    description:
      'Service members leaving the military, and their families and caregivers, must find their way through benefits and services from several departments. This Life Experience gives them a simpler path from service to civilian life.',
    leadAgency: 'VA',
    agencies: ['VA', 'DOD', 'DOL'],
    cycleStartFy: 2022,
    sourceNote: `PMA highlights, July 2024. ${CYCLE_NOTE} ${AGENCIES_NOTE}`,
    projects: [
      {
        name: 'VA.gov application for transitioning service members',
        summary:
          'An application on VA.gov for transitioning service members, veterans, families and caregivers, soft-launched and refined through design sprints and customer feedback.',
        painPoints:
          'Transitioning service members do not know which benefits apply to them or where to start.',
        outcomesShortTerm:
          'Transitioning service members find and start the benefits that apply to them.',
        outcomesLongTerm:
          'Veterans and their families reach civilian life with the support they earned.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'VA',
        agencies: ['VA', 'DOD', 'DOL'],
        sourceNote: `PMA highlights, July 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Soft-launch the application on VA.gov for transitioning service members, veterans, families and caregivers',
            owner: 'VA',
            status: 'completed',
            fy: 2024,
            quarter: 3,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title: 'Refine the application through design sprints and customer feedback',
            owner: 'VA, DOD',
            status: 'in_progress',
            fy: 2025,
            quarter: null,
            sourceNote: 'PMA highlights, July 2024.',
          },
        ],
      },
    ],
  },
  {
    slug: 'having-a-child',
    name: 'Having a Child and Early Childhood',
    description:
      'New and expecting parents meet many programs at once (health care, nutrition, income support) while caring for a newborn. This Life Experience brings supplies and support to families where they already are.',
    leadAgency: 'HHS',
    agencies: ['HHS', 'HRSA', 'USDA', 'SSA'],
    cycleStartFy: 2022,
    sourceNote: `PMA highlights, May 2023, April 2024, July 2024 and November 2024. ${CYCLE_NOTE} ${AGENCIES_NOTE}`,
    projects: [
      {
        name: 'Newborn Supply Kits',
        summary:
          'Free kits of newborn supplies delivered to mothers and families through a hospital partner in each state, with community organizations helping to distribute them.',
        painPoints:
          'Families with newborns struggle to get basic supplies and to learn which programs can help them.',
        outcomesShortTerm:
          '10,000 Newborn Supply Kits delivered to mothers and families in 10 states.',
        outcomesLongTerm: 'New parents connected to the federal support they are eligible for.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'HHS',
        agencies: ['HHS', 'USDA'],
        sourceNote: `PMA highlights, May 2023 and November 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Launch Newborn Supply Kits in Arkansas, Louisiana and New Mexico, with a hospital partner in each state',
            owner: 'HHS',
            status: 'completed',
            fy: 2023,
            quarter: 3,
            sourceNote: 'PMA highlights, May 2023.',
          },
          {
            title: 'Deliver 10,000 Newborn Supply Kits to mothers and families across 10 states',
            owner: 'HHS',
            status: 'in_progress',
            fy: 2025,
            quarter: 1,
            sourceNote: 'PMA highlights, November 2024 ("on track").',
          },
        ],
      },
      {
        name: 'Alumni Peer Navigator Services',
        summary:
          'Prepares former Healthy Start participants to act as peer navigators who help new mothers find federal support and enroll, documented in a playbook for other sites.',
        painPoints: 'New mothers do not know which federal supports exist or how to enroll.',
        outcomesShortTerm: 'Healthy Start sites can use the playbook to stand up peer navigators.',
        outcomesLongTerm: 'More eligible families enrolled in the supports they need.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'HRSA',
        agencies: ['HRSA', 'HHS'],
        sourceNote: `PMA highlights, July 2024 (Healthy Start is an HRSA program). ${AGENCIES_NOTE}`,
        milestones: [
          {
            title: 'Publish the Alumni Peer Navigator Services playbook and pilot recap blog',
            owner: 'HRSA',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title:
              "Present the playbook to the Government of Canada's Secretariat on Early Learning and Child Care",
            owner: 'Having a Child and Early Childhood team',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
        ],
      },
      {
        name: 'Supporting young families: ideas from international models',
        summary:
          'An interdisciplinary workshop with the Office of the Vice President, the GSA Performance.gov team and nonprofit partners to gather ideas for supporting young families.',
        painPoints:
          'Few channels bring maternal and child advocates’ ideas to federal program design.',
        outcomesShortTerm:
          'Ideas from over 40 advocates, funders, innovators and community organizations.',
        outcomesLongTerm:
          'Federal services for young families informed by proven international models.',
        phase: 'discovery',
        health: 'on_track',
        ownerAgency: 'HHS',
        agencies: ['HHS', 'USDA'],
        sourceNote: `PMA highlights, April 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Lead a workshop with over 40 maternal and childhood advocates during the UN Commission on the Status of Women',
            owner: 'HHS, GSA',
            status: 'completed',
            fy: 2024,
            quarter: 2,
            sourceNote: 'PMA highlights, April 2024.',
          },
        ],
      },
    ],
  },
  {
    slug: 'facing-a-financial-shock',
    name: 'Facing a Financial Shock',
    description:
      'People who lose income suddenly must prove their circumstances again and again to get help such as Medicaid and SNAP. This Life Experience lets states verify eligibility with data already available, with the person’s consent.',
    leadAgency: 'USDA',
    agencies: ['USDA', 'HHS', 'CMS', 'GSA'],
    cycleStartFy: 2022,
    sourceNote: `PMA highlights, May 2023, July 2024 and November 2024. ${CYCLE_NOTE} ${AGENCIES_NOTE}`,
    projects: [
      {
        name: 'Automated ex parte Medicaid renewals',
        summary:
          'State prototypes that renew Medicaid coverage automatically ("ex parte"), determining eligibility from data the state already has instead of asking the person again.',
        painPoints:
          'Eligible people lose coverage at renewal because of paperwork, not because they stopped being eligible.',
        outcomesShortTerm: 'Medicaid coverage renewed automatically for over 5 million Americans.',
        outcomesLongTerm: 'Fewer eligible people lose coverage for procedural reasons.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'CMS',
        agencies: ['CMS', 'HHS', 'USDA'],
        sourceNote: `PMA highlights, May 2023 and November 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title: 'Start state prototypes for automated ex parte renewals',
            owner: 'CMS',
            status: 'completed',
            fy: 2023,
            quarter: 3,
            sourceNote: 'PMA highlights, May 2023.',
          },
          {
            title: 'Automatically renew Medicaid coverage for over 5 million Americans',
            owner: 'CMS',
            status: 'in_progress',
            fy: 2025,
            quarter: 1,
            sourceNote: 'PMA highlights, November 2024 ("on track").',
          },
        ],
      },
      {
        name: 'Consent-based verification of payroll data',
        summary:
          'A prototype that lets applicants securely share their payroll data with state agencies to determine Medicaid and SNAP eligibility.',
        painPoints:
          'Applicants must gather and submit pay stubs, which delays or blocks benefits after a job loss or pay cut.',
        outcomesShortTerm: 'States pilot consent-based income verification with applicants.',
        outcomesLongTerm:
          'Faster, less burdensome benefit determinations for people facing a financial shock.',
        phase: 'design',
        health: 'on_track',
        ownerAgency: 'USDA',
        agencies: ['USDA', 'CMS', 'GSA'],
        sourceNote: `PMA highlights, July 2024; PMA page "In progress" list. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Test a consent-based verification prototype for sharing payroll data with state Medicaid and SNAP agencies',
            owner: 'USDA, CMS',
            status: 'in_progress',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, July 2024.',
          },
          {
            title:
              'Conduct pilots with states to improve income verification and streamline access to benefits',
            owner: 'USDA, CMS',
            status: 'in_progress',
            fy: 2025,
            quarter: null,
            sourceNote: 'PMA page, Life Experiences "In progress" list.',
          },
        ],
      },
      {
        name: 'De-Risking Government Technology Guide for state administrators',
        summary:
          'Improves the publicly available De-Risking Government Technology Guide with IT procurement and vendor management insights gathered from state benefit administrators.',
        painPoints: 'States struggle to buy and manage the technology that delivers benefits.',
        outcomesShortTerm: 'State administrators use the updated guide in their procurements.',
        outcomesLongTerm: 'Benefit systems that work for applicants from their first release.',
        phase: 'development',
        health: 'on_track',
        ownerAgency: 'GSA',
        agencies: ['GSA', 'USDA', 'CMS'],
        sourceNote: `PMA highlights, November 2024. ${AGENCIES_NOTE}`,
        milestones: [
          {
            title:
              'Host consultations and technical assistance workshops with state administrators',
            owner: 'Facing a Financial Shock team',
            status: 'completed',
            fy: 2024,
            quarter: 4,
            sourceNote: 'PMA highlights, November 2024.',
          },
          {
            title:
              'Add IT procurement and vendor management insights to the De-Risking Government Technology Guide',
            owner: 'GSA',
            status: 'completed',
            fy: 2025,
            quarter: 1,
            sourceNote: 'PMA highlights, November 2024.',
          },
        ],
      },
    ],
  },
];
