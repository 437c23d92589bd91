import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); playwright-core drives it and downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// n8n's editor marks its elements with data-test-id.
selectors.setTestIdAttribute('data-test-id');

export interface Browser {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, one page of a desktop size. */
export async function launchBrowser(): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'scaleapi-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** A text the page shows cut off: its element is narrower than its content. */
export interface ClippedText {
	text: string;
	contentWidth: number;
	boxWidth: number;
}

/**
 * Every label, option and input value inside `root` whose text is cut off (ellipsis or clipping). An element
 * clips when it hides overflow and its content is wider than its box; code editors scroll on purpose and
 * are left out.
 */
export async function clippedTexts(root: Locator): Promise<ClippedText[]> {
	return await root.evaluate((element) => {
		const found: Array<{ text: string; contentWidth: number; boxWidth: number }> = [];
		for (const node of Array.from(element.querySelectorAll<HTMLElement>('*'))) {
			if (node.closest('.cm-editor, textarea, svg')) continue;
			if (node.clientWidth === 0 || node.offsetParent === null) continue;
			const style = getComputedStyle(node);
			const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
			if (!hides || node.scrollWidth <= node.clientWidth) continue;
			const input = node as HTMLInputElement;
			const text = (node.tagName === 'INPUT' ? input.value || input.placeholder : node.innerText).trim();
			// Only elements that hold text themselves (an input's value, or direct text nodes) can clip a label.
			const ownText =
				node.tagName === 'INPUT' ||
				Array.from(node.childNodes).some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim());
			if (text && ownText) found.push({ text, contentWidth: node.scrollWidth, boxWidth: node.clientWidth });
		}
		return found;
	});
}

/** The n8n editor, seen through the data-test-ids its own end-to-end tests use. */
export class Editor {
	constructor(
		readonly page: Page,
		private readonly baseUrl: string,
	) {}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByLabel('Email').fill(email);
		await this.page.getByLabel('Password').fill(password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
		await this.page.waitForURL(/\/home\b|\/workflows?\b/, { timeout: 60_000 });
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
	}

	/**
	 * Searches the node picker and returns the node names it lists. "trigger": the picker of an empty
	 * workflow ("What triggers this workflow?"); "action": the one after a node ("What happens next?").
	 */
	async searchPicker(kind: 'trigger' | 'action', term: string): Promise<string[]> {
		const creator = this.page.getByTestId('node-creator');
		if (!(await creator.isVisible())) {
			await this.page.getByTestId(kind === 'trigger' ? 'canvas-add-button' : 'node-creator-plus-button').click();
			await creator.waitFor();
		}
		const search = this.page.getByTestId('node-creator-search-bar');
		await search.fill('');
		await search.fill(term);
		const names = this.page.getByTestId('node-creator-item-name');
		// Results render as you type: wait until the list shows items and stops changing.
		let previous = '';
		for (let round = 0; round < 20; round++) {
			await this.page.waitForTimeout(250);
			const current = (await names.allInnerTexts()).join('|');
			if (current && current === previous) break;
			previous = current;
		}
		return (await names.allInnerTexts()).map((name) => name.trim());
	}

	async closePicker(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.getByTestId('node-creator').waitFor({ state: 'hidden' });
	}

	/** Opens a canvas node's panel (NDV) and returns its parameter list. */
	async openNode(name: string): Promise<Locator> {
		await this.page.getByTestId('canvas-node').filter({ has: this.page.getByText(name, { exact: true }) }).dblclick();
		const parameters = this.page.getByTestId('node-parameters');
		await parameters.waitFor();
		// Resource locators and option lists settle after the first render.
		await this.page.waitForTimeout(750);
		return parameters;
	}

	async closeNode(): Promise<void> {
		await this.page.getByTestId('ndv-close-button').click();
		await this.page.getByTestId('ndv').waitFor({ state: 'hidden' });
	}

	/** The labels of the fields the panel shows (first line of each label: the field's display name). */
	async fieldLabels(panel: Locator): Promise<string[]> {
		const labels = await panel.locator('label.n8n-input-label').allInnerTexts();
		return [...new Set(labels.map((label) => label.split('\n')[0].replace(/\s*\*$/, '').trim()).filter(Boolean))];
	}

	/** A screenshot of an open panel, the window made tall enough that the panel's fields do not scroll. */
	async screenshotPanel(path: string, panel: Locator): Promise<void> {
		const hidden = await panel.evaluate((element) => {
			for (let node: Element | null = element; node; node = node.parentElement) {
				const { overflowY } = getComputedStyle(node);
				if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) {
					return node.scrollHeight - node.clientHeight;
				}
			}
			return 0;
		});
		const size = this.page.viewportSize() ?? { width: 1440, height: 900 };
		await this.page.setViewportSize({ width: size.width, height: Math.min(size.height + hidden + 24, 2400) });
		await this.screenshot(path);
		await this.page.setViewportSize(size);
	}

	async screenshot(path: string): Promise<void> {
		// The mouse rests outside the panel so no hover toolbar covers a label.
		await this.page.mouse.move(5, (this.page.viewportSize()?.height ?? 900) - 5);
		await this.page.waitForTimeout(300);
		await this.page.screenshot({ path });
	}
}
