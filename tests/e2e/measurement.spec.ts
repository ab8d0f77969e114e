/**
 * Issue 20, point 4: the Measurement phase's evidence where decisions are made. The phase gate
 * shows the POCs the success measures, the evaluation plan and the survey trust; the portfolio
 * page lists trust by service; the PMC update and its Word export report the measures that
 * moved and trust by service, the count standing in for a percentage under the minimum. The
 * seeded program: the Federal Forum's reported evaluation, the illustrative survey collections.
 */
import JSZip from 'jszip';
import { assembleUpdate, expect, expectAccessible, login, test } from './fixtures';

test('the phase gate and the portfolio page show the Measurement evidence', async ({ page }) => {
  await login(page, 'agency_poc');
  await page.goto('/portfolios/approaching-retirement');
  await page
    .getByRole('link', { name: 'Increasing Access to Decision-Making Support for Older Adults' })
    .first()
    .click();
  await page
    .getByRole('link', { name: /phase gate/i })
    .first()
    .click();
  const evidence = page.getByTestId('measurement-evidence');
  await expect(evidence).toContainText(
    'Forum participants whose access to materials and tools increased',
  );
  await expect(evidence).toContainText(
    'Federal Forum on Serving Older Adults: did it equip community organizations?',
  );
  await expect(evidence).toContainText('Reported');
  await expectAccessible(page);

  await page.goto('/portfolios/having-a-child');
  const trust = page.getByRole('region', { name: 'Trust by service' });
  await expect(trust.getByRole('row', { name: /Newborn Supply Kit pickup/ })).toContainText(
    '80% (208 of 260)',
  );
  await expect(trust.getByRole('row', { name: /Peer navigator check-in/ })).toContainText(
    '15 of 18 (fewer than 30 respondents: no percentage)',
  );
  await expectAccessible(page);
});

test('the PMC update and its Word export report trust by service', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'omb_lead');
  // A quarter no other test uses; its trust is each service's latest at or before it.
  const url = await assembleUpdate(page, 2029, 1);
  await page.goto(`${url}?portfolio=having-a-child`);
  const trust = page.getByRole('region', {
    name: 'Trust by service: Having a Child and Early Childhood',
  });
  await expect(trust.getByRole('row', { name: /Newborn Supply Kit pickup/ })).toContainText(
    '80% (208 of 260)',
  );
  await expect(trust.getByRole('row', { name: /Peer navigator check-in/ })).toContainText(
    '15 of 18 (fewer than 30 respondents: no percentage)',
  );
  await expectAccessible(page);

  const docx = await page.request.get(`${url}/export.docx`);
  const xml = await (
    await JSZip.loadAsync(await docx.body())
  )
    .file('word/document.xml')!
    .async('string');
  const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Outcomes');
  expect(text).toContain('Newborn Supply Kit pickup (HHS)');
  expect(text).toContain('80% (208 of 260)');
  expect(text).toContain('15 of 18 (fewer than 30 respondents: no percentage)');
});
