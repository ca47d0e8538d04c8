import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInitiativesCollection } from '../../src/domain/geojson';
import type { Initiative } from '../../src/domain/initiative';
import { THEME_IDS } from '../../src/domain/themes';

const projectRoot = resolve(import.meta.dirname, '../..');

// The bundled dataset is part of the product: it must build strictly and cover the
// themes and territories the RTES network asked for.
describe('the bundled dataset (data/initiatives.csv)', () => {
  let initiatives: Initiative[] = [];
  let report: { rowsRead: number; rowsWritten: number; rejected: unknown[]; warnings: unknown[] };

  beforeAll(() => {
    const directory = mkdtempSync(join(tmpdir(), 'carte-ess-dataset-'));
    const out = join(directory, 'initiatives.geojson');
    const reportPath = join(directory, 'report.json');
    execFileSync('npx', ['tsx', 'src/pipeline/cli.ts', '--in', 'data/initiatives.csv', '--out', out, '--report', reportPath, '--strict'], {
      cwd: projectRoot,
      stdio: 'pipe',
    });
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const parsed = parseInitiativesCollection(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.invalid).toEqual([]);
    initiatives = parsed.initiatives;
  }, 120_000);

  it('builds in --strict mode with zero rejected rows', () => {
    expect(report.rejected).toEqual([]);
    expect(report.rowsWritten).toBe(report.rowsRead);
    expect(initiatives.length).toBeGreaterThanOrEqual(200);
  });

  it('has at least 20 initiatives in each of the seven themes', () => {
    for (const theme of THEME_IDS) {
      const count = initiatives.filter((initiative) => initiative.themes.includes(theme)).length;
      expect({ theme, count }).toEqual({ theme, count: expect.toSatisfy((value: number) => value >= 20) });
    }
  });

  it('covers at least 40 quartiers prioritaires, 80 rural initiatives and 90 départements, overseas included', () => {
    expect(initiatives.filter((initiative) => initiative.territory === 'qpv').length).toBeGreaterThanOrEqual(40);
    expect(initiatives.filter((initiative) => initiative.territory === 'rural').length).toBeGreaterThanOrEqual(80);
    const departments = new Set(initiatives.map((initiative) => initiative.department));
    expect(departments.size).toBeGreaterThanOrEqual(90);
    expect([...departments].some((code) => code.startsWith('97'))).toBe(true);
  });

  it('names every initiative of the RTES seed pages', () => {
    const byName = (pattern: RegExp) => initiatives.filter((initiative) => pattern.test(initiative.name));
    expect(byName(/Collectif GARE/i).map((initiative) => initiative.insee)).toContain('52499');
    expect(byName(/Villages Vivants/i).length).toBeGreaterThan(0);
    expect(byName(/Anima/i).map((initiative) => initiative.commune)).toContain('Calais');
    expect(byName(/Smalah/i).map((initiative) => initiative.insee)).toContain('40266');
    expect(byName(/Comptoir de campagne/i).length).toBeGreaterThan(0);
  });

  it('sources every initiative with a public http(s) page and describes it in French', () => {
    for (const initiative of initiatives) {
      expect(initiative.source, initiative.id).toMatch(/^https?:\/\/\S+$/);
      expect(initiative.description.length, initiative.id).toBeGreaterThan(30);
      expect(initiative.description, initiative.id).not.toMatch(/[<>]/);
    }
  });

  // Practical facts (address, e-mail, phone, hours, SIRET) are researched apart and merged
  // into data/initiatives.csv by scripts/merge-columns.ts from data/contacts-researched.csv,
  // which names the public page of each fact: none may be published without one.
  it('publishes each practical fact from data/contacts-researched.csv, each with its public page', () => {
    expect(report.warnings).toEqual([]);
    const researched = Papa.parse<Record<string, string>>(readFileSync(join(projectRoot, 'data/contacts-researched.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const facts = [
      ['adresse', 'address'],
      ['email', 'email'],
      ['telephone', 'phone'],
      ['horaires', 'openingHours'],
      ['siret', 'siret'],
    ] as const;
    const byId = new Map(initiatives.map((initiative) => [initiative.id, initiative]));
    for (const row of researched) {
      const initiative = byId.get(row.id ?? '');
      expect(initiative, row.id).toBeDefined();
      for (const [column, field] of facts) {
        if (!row[column]) continue;
        const page = row[`${column}_source`] ?? '';
        expect(page, `${row.id}: ${column}_source`).toMatch(/^https?:\/\/\S+$/);
        expect(initiative?.[field], `${row.id}: ${field}`).toBeTruthy();
        // The row's own source page, the initiative's own site or the public company directory.
        const host = new URL(page).hostname.replace(/^www\./, '');
        const ownSite = initiative?.website ? new URL(initiative.website).hostname.replace(/^www\./, '') : undefined;
        expect(
          page === initiative?.source || host === ownSite || host === 'annuaire-entreprises.data.gouv.fr',
          `${row.id}: ${column} from ${page}`,
        ).toBe(true);
      }
    }
    const researchedIds = new Set(researched.map((row) => row.id));
    const withFacts = initiatives.filter((initiative) => facts.some(([, field]) => initiative[field]) || initiative.verifiedAt);
    expect(withFacts.map((initiative) => initiative.id).filter((id) => !researchedIds.has(id))).toEqual([]);
    expect(withFacts.length).toBe(researched.length);
  });

  // The 2026 audit found copies and aggregators standing in for sources: a source must be
  // the initiative's own page, its network's, a public body's or a newspaper's.
  it('sources no initiative on an aggregator, a mirror or a CMS action link', () => {
    const aggregatorHosts = [
      /(^|\.)dayfr\.com$/,
      /(^|\.)limportant\.fr$/,
      /(^|\.)ru24\.pro$/,
      /(^|\.)newsgovernor\.com$/,
      /(^|\.)epicerie-93\.fr$/,
      /(^|\.)leaderfrance\.fr$/,
      /(^|\.)s3[.-][^/]*amazonaws\.com$/,
    ];
    for (const initiative of initiatives) {
      const url = new URL(initiative.source);
      expect(
        aggregatorHosts.filter((pattern) => pattern.test(url.hostname)),
        `${initiative.id}: ${url.hostname}`,
      ).toEqual([]);
      expect(initiative.source, initiative.id).not.toMatch(/[?&]page=backend|spip\.php\?action=/i);
    }
  });
});
