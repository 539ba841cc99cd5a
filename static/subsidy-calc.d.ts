// Types of the calculator's JavaScript API (window.subsidyCalc) and of the <subsidy-calculator> event.
// The JSON shapes are those of docs/CONTRACT.md (the same as `subsidy-calc eval`).

/** Yuan as a decimal string with at most two decimals ("1250000.50"), or a JSON number. */
export type Money = string | number;
export type Region = 'hangzhou' | 'wuhan' | 'wuhan-hongshan' | 'wuhan-qiaokou' | 'shanghai';

export interface Scenario {
  name?: string;
  /** Schema 2: selected by the CITY (Wuhan 七, Hangzhou 三(八)). Default false. */
  city_selected?: boolean;
  /** Schema 2: selected or supported by the DISTRICT (Hongshan 9, Qiaokou 9). Default false. */
  district_selected?: boolean;
  /** Schema 1's single flag, refused since schema 2 (an error names it and what replaced it). */
  selected?: never;
  total_investment?: Money;
  rd_investment?: Money;
  manufacturing_first_application?: boolean;
}

/** An application: every field is optional except region; see docs/INPUT_FIELDS.md for `other`. */
export interface Application {
  /** 2 (schema 1 is still read, without `scenarios[].selected`). */
  schema?: 1 | 2;
  /** YYYY-MM-DD; default today (China time). */
  as_of?: string;
  region: Region;
  enterprise?: {
    sme?: boolean;
    foundation_model_developer?: boolean;
    first_recognitions?: Array<'little_giant' | 'unicorn' | 'high_tech' | 'single_champion' | 'hidden_champion'>;
  };
  compute?: {
    maas_on_filed_model_fees?: Money;
    domestic_fees?: Money;
    other_fees?: Money;
    years_subsidized_before?: number;
    model_purchase_fees?: Money;
  };
  model_filing?: { models_filed?: number; evaluation_costs?: Money; awarded_before?: boolean };
  models?: {
    vertical_model?: { selected?: boolean; rd_cost?: Money; local_compute_fees?: Money; compute_award_received?: Money };
    large_model?: { kind?: 'general' | 'industry'; parameters?: string | number };
  };
  scenarios?: Scenario[];
  listing?: {
    venue?: 'none' | 'sse' | 'szse' | 'bse' | 'overseas_mou';
    stage?: 'none' | 'tutoring' | 'filed' | 'listed';
    proceeds_invested_locally_percent?: Money;
  };
  other?: Record<string, unknown>;
}

export type Kind = 'exact' | 'up_to' | 'range' | 'unspecified' | 'case_by_case' | 'not_eligible';
export type Family = 'compute_voucher' | 'model_filing' | 'scenario' | 'listing' | 'other';
/** A document's standing on the date: `dates_not_given` where the source states no dates (Hongshan, Qiaokou). */
export type Status = 'in_force' | 'draft' | 'expired' | 'not_yet' | 'dates_not_given';

export interface Source {
  document: string;
  document_en: string;
  clause: string;
  quote: string;
  status: Status;
  valid_from?: string;
  valid_to?: string;
  seed: string;
}

export interface Award {
  id: string;
  family: Family;
  kind: Kind;
  title_zh: string;
  title_en: string;
  /** Yuan, two decimals: present for exact and up_to. */
  amount?: string;
  min?: string;
  max?: string;
  uncapped?: string;
  binding_cap?: string;
  binding_cap_zh?: string;
  steps: string[];
  steps_zh: string[];
  source: Source;
  /** Set whenever kind is not_eligible. */
  reason: string | null;
  reason_zh: string | null;
  /** Schema 2: false where the award is listed but not added to the totals (an equity investment such as 拨改投, the loser of a "highest" group); the notes say why. */
  in_totals: boolean;
  notes?: string[];
  notes_zh?: string[];
  items?: Array<{ scenario: number; name: string; amount: string; uncapped?: string; binding_cap?: string }>;
  stacking?: { group: string; mode: 'highest' | 'stack'; counted: boolean; note: string; note_zh: string };
}

export interface Check {
  id: string;
  title_zh: string;
  title_en: string;
  passed: boolean;
  failing: string[];
  failing_zh: string[];
  source: Source;
}

export interface Result {
  schema: 2;
  rules_version: string;
  region: Region;
  region_name_zh: string;
  as_of: string;
  awards: Award[];
  /** draft_exact / draft_up_to (schema 2): the parts of the totals that come from draft documents. */
  total: { exact: string; up_to: string; draft_exact: string; draft_up_to: string };
  checks: Check[];
  notes: string[];
  notes_zh: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

/** What evaluate() and rules() throw. */
export interface SubsidyCalcError {
  name: 'SubsidyCalcError';
  message: string;
  errors: FieldError[];
}

export interface CatalogueRule {
  id: string;
  family: Family;
  kind: Kind;
  region: Region[];
  document: string;
  document_en: string;
  clause: string;
  title_zh: string;
  title_en: string;
  status: 'in_force' | 'draft' | 'dates_not_given';
  valid_from: string | null;
  valid_to: string | null;
  validity: string | null;
  quote: string;
}

/** A plan over years (the contract's "A plan over years"): each year an application with its own
 *  date, without `schema` and `region`; carried fields in the first year only. */
export interface Plan {
  schema?: 2;
  region: Region;
  /** true: also the same plan in every region (`regions`). */
  compare?: boolean;
  /** 1 to 10 years. */
  years: Array<Omit<Application, 'schema' | 'region'>>;
}

/** One year of a plan: the year's result, and why its figures differ from the year before. */
export interface PlanYear extends Result {
  changes: string[];
  changes_zh: string[];
}

export interface PlanTotal { exact: string; up_to: string; draft_exact: string; draft_up_to: string }

export interface PlanResult {
  schema: 2;
  region: Region;
  years: PlanYear[];
  total: PlanTotal;
  /** With `compare: true`. */
  regions?: Record<Region, { years: PlanYear[]; total: PlanTotal }>;
}

/** A figures-only result (`evaluate(app, { detail: 'figures' })`): no text is written. */
export interface Figures {
  schema: 2;
  detail: 'figures';
  rules_version: string;
  region: Region;
  as_of: string;
  awards: Array<{
    id: string;
    family: Family;
    kind: Kind;
    amount?: string;
    min?: string;
    max?: string;
    /** Set when a cap binds: the figure before the cap. */
    uncapped?: string;
    in_totals: boolean;
    status: Source['status'];
  }>;
  total: { exact: string; up_to: string; draft_exact: string; draft_up_to: string };
}

/** A reform: parameter changes laid over the rule data (the contract's "A reform"). */
export interface Reform {
  reform: 1;
  name: string;
  changes: Array<
    | { rule: string; set: string; value: string | number | boolean }
    | { document: string; set: 'valid_from' | 'valid_to'; value: string }
  >;
}

/** What a result under a reform adds. */
export interface ReformParts {
  reform: { name: string; changes: Reform['changes'] };
  baseline: {
    total: { exact: string; up_to: string; draft_exact: string; draft_up_to: string };
    awards: Record<string, { kind: string; amount?: string }>;
    /** Today's verification code for the same application. */
    code?: string;
  };
}

export interface SubsidyCalcApi {
  /** Evaluates an application (an object or its JSON text). Throws SubsidyCalcError on bad input.
   *  On the calculator page (index.html, embed.html, the widget); not on plan.html. */
  evaluate(application: Application | string): Result;
  /** `lang`: the result's words in one language only ('zh': `steps_zh`, `reason_zh`, … and no
   *  English keys; 'en' the reverse); 'both' (the default) as the contract has them. */
  evaluate(application: Application | string, options: { detail?: 'full'; lang?: 'both' }): Result;
  evaluate(application: Application | string, options: { detail?: 'full'; lang: 'zh' | 'en' }): Partial<Result>;
  /** The figures only (ids, kinds, amounts, caps, in_totals, totals): no text, several times faster. */
  evaluate(application: Application | string, options: { detail: 'figures'; lang?: 'both' | 'zh' | 'en' }): Figures;
  /** Under a reform (the contract's "A reform": a `{ reform: 1, name, changes }` object or its JSON
   *  text): the result under it, with `reform` and `baseline` (today's figures for the same
   *  application). The reform code is the plan bundle's, fetched on first use, hence a Promise; it
   *  rejects with SubsidyCalcError naming each bad change (`changes[2].set`) or field. On the pages
   *  that load boot.js (index.html). */
  evaluate(
    application: Application | string,
    options: { reform: Reform | string; detail?: 'full' | 'figures'; lang?: 'both' | 'zh' | 'en' },
  ): Promise<(Result | Figures) & ReformParts>;
  rules(): { schema: 2; rules_version: string; rules: CatalogueRule[]; checks: Array<Record<string, unknown>> };
  /** A plan over years. Its engine is a separate bundle, fetched on first use (it is the plan page's
   *  own), hence a Promise; it rejects with SubsidyCalcError on bad input. On the pages that load
   *  boot.js (index.html, plan.html); a host of the <subsidy-calculator> widget links to plan.html. */
  plan?(plan: Plan | string): Promise<PlanResult>;
  version: string;
  schema: 2;
}

/** Messages the iframe page (embed.html) posts to its parent. */
export type EmbedMessage =
  | { type: 'subsidy-calc:height'; height: number }
  | { type: 'subsidy-calc:result'; result: Result };

/** The message the iframe page accepts from its parent (from the origin named in its URL only). */
export interface EmbedConfigure {
  type: 'subsidy-calc:configure';
  region?: Region;
  lang?: 'zh' | 'en';
  sections?: string;
  locked?: boolean;
}

declare global {
  interface Window {
    subsidyCalc: SubsidyCalcApi;
    /** Set by widget.js: resolves to the API once the calculator has loaded. */
    subsidyCalcReady?: Promise<SubsidyCalcApi>;
  }
  interface HTMLElementEventMap {
    'subsidy-result': CustomEvent<Result>;
  }
  interface HTMLElementTagNameMap {
    'subsidy-calculator': HTMLElement;
  }
}
