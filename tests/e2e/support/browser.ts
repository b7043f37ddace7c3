/**
 * Headless Chromium for the form and editor tests: Debian's `chromium` (installed here when
 * missing) driven by playwright-core, talking only to the n8n on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): void {
	if (fs.existsSync(CHROMIUM)) return;
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env,
	});
}

export async function launchBrowser(): Promise<Browser> {
	ensureChromium();
	const { chromium } = await import('playwright-core');
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}
