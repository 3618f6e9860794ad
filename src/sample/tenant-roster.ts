/**
 * Who and what is in the sample tenant, as plain data: the cast, groups, apps, roles, licences
 * and custom security attributes. tenant.ts turns these rows into objects with stable ids.
 */
import type { AttributeDefinition, AttributeSet, DirectoryRole, LicenceSku, RoleName } from './tenant-types.js';

export const ROLES: ReadonlyArray<Omit<DirectoryRole, 'objectId'>> = [
  { displayName: 'Global Administrator', templateId: '62e90394-69f5-4237-9190-012177145e10', wellKnownObjectName: 'TenantAdmins' },
  { displayName: 'Privileged Role Administrator', templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', wellKnownObjectName: 'PrivilegedRoleAdmins' },
  { displayName: 'User Administrator', templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', wellKnownObjectName: 'UserAccountAdmins' },
  { displayName: 'Application Administrator', templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', wellKnownObjectName: 'ApplicationAdministrators' },
  { displayName: 'Helpdesk Administrator', templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', wellKnownObjectName: 'HelpDeskAdmins' },
  { displayName: 'Security Administrator', templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', wellKnownObjectName: 'SecurityAdministrators' },
  { displayName: 'Conditional Access Administrator', templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', wellKnownObjectName: '' },
  { displayName: 'Groups Administrator', templateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', wellKnownObjectName: '' },
  { displayName: 'License Administrator', templateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', wellKnownObjectName: '' },
  { displayName: 'Attribute Assignment Administrator', templateId: '58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d', wellKnownObjectName: '' },
  { displayName: 'Attribute Definition Administrator', templateId: '8424c6f0-a189-499e-bbd0-26c1753c96d4', wellKnownObjectName: '' },
  { displayName: 'Reports Reader', templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', wellKnownObjectName: '' },
];

/** Real SKU part numbers and ids, so licence values look like the portal's. */
export const LICENCES: readonly LicenceSku[] = [
  { skuPartNumber: 'SPE_E3', skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', productName: 'Microsoft 365 E3' },
  { skuPartNumber: 'SPE_E5', skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', productName: 'Microsoft 365 E5' },
  { skuPartNumber: 'ENTERPRISEPACK', skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', productName: 'Office 365 E3' },
  { skuPartNumber: 'EMS', skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', productName: 'Enterprise Mobility + Security E3' },
  { skuPartNumber: 'AAD_PREMIUM_P2', skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b', productName: 'Microsoft Entra ID P2' },
  { skuPartNumber: 'POWER_BI_PRO', skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560', productName: 'Power BI Pro' },
  { skuPartNumber: 'VISIOCLIENT', skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5', productName: 'Visio Plan 2' },
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6',
];

export const OFFICES: ReadonlyArray<{ name: string; ip: string }> = [
  { name: 'London', ip: '198.51.100.10' },
  { name: 'New York', ip: '198.51.100.20' },
  { name: 'Tokyo', ip: '198.51.100.30' },
  { name: 'Athens', ip: '198.51.100.40' },
];

/**
 * The cast. Display names deliberately mix scripts (Japanese, Chinese, Korean, Arabic, Hebrew,
 * Cyrillic, Greek, Devanagari, Thai), diacritics and emoji, because a terminal explorer has to
 * draw all of them; UPNs stay ASCII as real tenants' usually do.
 * [displayName, UPN local part, department, job title, office index, roles]
 */
export type CastRow = [string, string, string, string, number, RoleName[]];
export const CAST: readonly CastRow[] = [
  ['Maren Bowditch', 'maren.bowditch', 'IT', 'Director of IT', 0, ['Global Administrator']],
  ['Break Glass 01', 'breakglass01', 'IT', 'Emergency access account', 0, ['Global Administrator']],
  ['Tomás Herrera', 'tomas.herrera', 'IT', 'Identity Architect', 1, ['Privileged Role Administrator', 'Conditional Access Administrator']],
  ['Priya Raman', 'priya.raman', 'IT', 'Identity Engineer', 0, ['User Administrator', 'License Administrator']],
  ['Kwame Mensah', 'kwame.mensah', 'IT', 'Service Desk Analyst', 0, ['Helpdesk Administrator']],
  ['Ingrid Solberg', 'ingrid.solberg', 'IT', 'Service Desk Analyst', 1, ['Helpdesk Administrator']],
  ['Daniel Okafor', 'daniel.okafor', 'IT', 'Cloud Engineer', 1, ['Application Administrator']],
  ['山田 花子', 'hanako.yamada', 'IT', 'Access Governance Lead', 2, ['Attribute Assignment Administrator', 'Groups Administrator']],
  ['Lucas Moreau', 'lucas.moreau', 'Security', 'Security Engineer', 0, ['Security Administrator', 'Attribute Definition Administrator']],
  ['Αλεξάνδρα Νικολάου', 'alexandra.nikolaou', 'Security', 'SOC Analyst', 3, ['Reports Reader']],
  ['Adele Whitford', 'adele.whitford', 'Finance', 'Finance Director', 0, []],
  ['Isaiah Langford', 'isaiah.langford', 'Engineering', 'Principal Engineer', 1, []],
  ['Zoë Lindqvist', 'zoe.lindqvist', 'Engineering', 'Software Engineer', 0, []],
  ['Björn Åkesson', 'bjorn.akesson', 'Engineering', 'Software Engineer', 0, []],
  ['Łukasz Wiśniewski', 'lukasz.wisniewski', 'Engineering', 'Site Reliability Engineer', 0, []],
  ['Siobhán Ní Bhriain', 'siobhan.nibhriain', 'Legal', 'Counsel', 0, []],
  ['José Álvarez', 'jose.alvarez', 'Sales', 'Account Executive', 1, []],
  ['Chloé Dubois', 'chloe.dubois', 'Marketing', 'Brand Manager', 0, []],
  ['佐藤 健', 'ken.sato', 'Engineering', 'Engineering Manager', 2, []],
  ['鈴木 美咲', 'misaki.suzuki', 'Sales', 'Sales Manager', 2, []],
  ['高橋 翔太', 'shota.takahashi', 'Operations', 'Logistics Coordinator', 2, []],
  ['王伟', 'wei.wang', 'Engineering', 'Data Engineer', 2, []],
  ['李娜', 'na.li', 'Finance', 'Financial Analyst', 2, []],
  ['陈静', 'jing.chen', 'Marketing', 'Content Strategist', 2, []],
  ['김민준', 'minjun.kim', 'Engineering', 'QA Engineer', 2, []],
  ['이서연', 'seoyeon.lee', 'HR', 'Recruiter', 2, []],
  ['فاطمة الزهراء', 'fatima.alzahra', 'Finance', 'Accountant', 0, []],
  ['محمد العلي', 'mohammed.alali', 'Sales', 'Regional Sales Lead', 0, []],
  ['ليلى حداد', 'layla.haddad', 'Legal', 'Paralegal', 0, []],
  ['נועה כהן', 'noa.cohen', 'Engineering', 'Product Manager', 1, []],
  ['Алексей Смирнов', 'alexei.smirnov', 'Engineering', 'Backend Engineer', 3, []],
  ['Ольга Иванова', 'olga.ivanova', 'HR', 'HR Business Partner', 3, []],
  ['Дмитрий Волков', 'dmitri.volkov', 'Operations', 'Facilities Manager', 3, []],
  ['Νίκος Παπαδόπουλος', 'nikos.papadopoulos', 'Sales', 'Account Manager', 3, []],
  ['Ελένη Γεωργίου', 'eleni.georgiou', 'Marketing', 'Marketing Analyst', 3, []],
  ['अनन्या शर्मा', 'ananya.sharma', 'Engineering', 'Frontend Engineer', 0, []],
  ['สมชาย ใจดี', 'somchai.jaidee', 'Support', 'Support Engineer', 2, []],
  ['Alex Kim 🚀', 'alex.kim', 'Engineering', 'Developer Advocate', 1, []],
  ['Sam Rivera 🌈', 'sam.rivera', 'Marketing', 'Community Manager', 1, []],
  ['Jordan Blake ☕', 'jordan.blake', 'Support', 'Support Team Lead', 1, []],
  ['Grace Obi', 'grace.obi', 'HR', 'HR Director', 0, []],
  ['Henrik Dahl', 'henrik.dahl', 'Operations', 'Operations Manager', 0, []],
  ['Amara Nwosu', 'amara.nwosu', 'Finance', 'Payroll Specialist', 0, []],
  ['Mateo Rossi', 'mateo.rossi', 'Sales', 'Sales Engineer', 3, []],
  ['Olivia Chen', 'olivia.chen', 'Engineering', 'Staff Engineer', 1, []],
  ['Ethan Brooks', 'ethan.brooks', 'Sales', 'Business Development', 1, []],
  ['Sofia Petrova', 'sofia.petrova', 'Legal', 'Compliance Officer', 3, []],
  ['Liam O’Connor', 'liam.oconnor', 'Support', 'Support Engineer', 0, []],
  ['Nora Haddad', 'nora.haddad', 'Marketing', 'Events Coordinator', 0, []],
  ['Ravi Patel', 'ravi.patel', 'Engineering', 'DevOps Engineer', 0, []],
  ['Emma Laurent', 'emma.laurent', 'Finance', 'Controller', 0, []],
  ['Yusuf Demir', 'yusuf.demir', 'Operations', 'Procurement Lead', 3, []],
  ['Hana Novak', 'hana.novak', 'Engineering', 'Security Champion', 3, []],
  ['Diego Fernández', 'diego.fernandez', 'Support', 'Support Engineer', 1, []],
  ['Ava Thompson', 'ava.thompson', 'HR', 'People Operations', 1, []],
  ['Kenji Watanabe', 'kenji.watanabe', 'Sales', 'Partner Manager', 2, []],
  ['Fiona MacLeod', 'fiona.macleod', 'Finance', 'Accounts Payable', 0, []],
  ['Samuel Adeyemi', 'samuel.adeyemi', 'Engineering', 'Mobile Engineer', 0, []],
  ['Mei Tanaka', 'mei.tanaka', 'Marketing', 'Designer', 2, []],
  ['Oskar Nowak', 'oskar.nowak', 'Operations', 'IT Asset Coordinator', 3, []],
];

/** [displayName, mailNickname, unified (Microsoft 365) group?, role-assignable?, licence SKU] */
export type GroupRow = [string, string, boolean, boolean, string | null];
export const GROUPS: readonly GroupRow[] = [
  ['All Staff', 'allstaff', true, false, null],
  ['Engineering', 'engineering', true, false, null],
  ['Finance Team', 'finance', true, false, null],
  ['Sales – EMEA', 'sales-emea', true, false, null],
  ['Sales – Americas', 'sales-americas', true, false, null],
  ['Marketing', 'marketing', true, false, null],
  ['HR Confidential', 'hr-confidential', false, false, null],
  ['IT Admins', 'it-admins', false, true, null],
  ['Helpdesk Operators', 'helpdesk-operators', false, true, null],
  ['VPN Users', 'vpn-users', false, false, null],
  ['Licence – Microsoft 365 E3', 'lic-m365-e3', false, false, 'SPE_E3'],
  ['Licence – Microsoft 365 E5', 'lic-m365-e5', false, false, 'SPE_E5'],
  ['Licence – Power BI Pro', 'lic-powerbi-pro', false, false, 'POWER_BI_PRO'],
  ['Licence – Visio', 'lic-visio', false, false, 'VISIOCLIENT'],
  ['Project Alpine', 'project-alpine', true, false, null],
  ['Partners (guests)', 'partners-guests', false, false, null],
  ['Intune Pilot Devices', 'intune-pilot', false, false, null],
  ['CA Exclusion – Break Glass', 'ca-exclusion-breakglass', false, false, null],
  ['東京オフィス', 'tokyo-office', true, false, null],
  ['Ομάδα Αθήνας', 'athens-office', true, false, null],
];

/** [displayName, acts on its own (daemon)?, reply URL] */
export type AppRow = [string, boolean, string];
export const APPS: readonly AppRow[] = [
  ['Payroll Connector', true, 'https://payroll.fabrikam-demo.example/auth/callback'],
  ['HR Sync Service', true, 'https://hrsync.fabrikam-demo.example/signin-oidc'],
  ['Expense Portal', false, 'https://expenses.fabrikam-demo.example/signin-oidc'],
  ['Intranet', false, 'https://intranet.fabrikam-demo.example/_auth'],
  ['Build Pipeline', true, 'https://ci.fabrikam-demo.example/oauth2/callback'],
  ['Backup Vault Agent', true, 'https://backup.fabrikam-demo.example/auth'],
  ['Customer Portal', false, 'https://portal.fabrikam-demo.example/signin-oidc'],
  ['Ticketing Bridge', true, 'https://tickets.fabrikam-demo.example/oauth/callback'],
  ['Data Warehouse Loader', true, 'https://dwh.fabrikam-demo.example/auth'],
  ['Marketing Analytics', false, 'https://analytics.fabrikam-demo.example/login'],
  ['Sales Dashboard', false, 'https://sales.fabrikam-demo.example/signin'],
  ['Legal Document Vault', false, 'https://legalvault.fabrikam-demo.example/sso'],
];

export const ATTRIBUTE_SETS: ReadonlyArray<Omit<AttributeSet, 'attributes'> & { attributes: Array<Omit<AttributeDefinition, 'attributeSet'>> }> = [
  {
    name: 'Engineering',
    description: 'Attributes for engineering staff and workloads',
    maxAttributesPerSet: 25,
    attributes: [
      { name: 'ProjectCodename', description: 'Current project code name', type: 'String', isCollection: true, usePreDefinedValuesOnly: true, values: ['Alpine', 'Baltic', 'Cascade', 'Dolomite', 'Everest'] },
      { name: 'CostCenter', description: 'Cost centre charged for the work', type: 'String', isCollection: false, usePreDefinedValuesOnly: false, values: ['CC-1001', 'CC-1002', 'CC-2040', 'CC-3100', 'CC-4200'] },
    ],
  },
  {
    name: 'Security',
    description: 'Security clearance and handling requirements',
    maxAttributesPerSet: 10,
    attributes: [
      { name: 'Clearance', description: 'Highest data classification the person may handle', type: 'String', isCollection: false, usePreDefinedValuesOnly: true, values: ['Public', 'Internal', 'Confidential', 'Restricted'] },
    ],
  },
  {
    name: 'HR',
    description: 'People data used for access decisions',
    maxAttributesPerSet: 25,
    attributes: [
      { name: 'EmploymentType', description: 'Employee, contractor or intern', type: 'String', isCollection: false, usePreDefinedValuesOnly: true, values: ['Employee', 'Contractor', 'Intern'] },
    ],
  },
];

export const PLANNED_ATTRIBUTE_SETS = ['Marketing', 'Finance', 'Compliance', 'DataGovernance', 'Procurement', 'Research'];
