import axe from 'axe-core';
import type { Page } from '@playwright/test';

/**
 * The serious and critical axe violations of the page as it is now, from axe-core run inside
 * the page. Audit one screen state per test: a test that audited four screens in a row came
 * within reach of its timeout on a busy machine (issue 13, part 10). `AxeBuilder.analyze()` cost about 3.5 s per audit here, 3 s of it around axe itself
 * (injecting into every frame, then a second page to combine the results); run directly,
 * the same audit takes 0.4 s. The app has no iframes, so nothing is lost. Only the WCAG 2.x
 * A and AA rules run: they are what we promise.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const violations = await page.evaluate(async (tags) => {
		const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return results.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	}, WCAG_TAGS);
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
