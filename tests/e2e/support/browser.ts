/**
 * Headless Chromium for the form and editor tests: Debian's `chromium` (installed here when
 * missing) driven by playwright-core, talking only to the n8n on 127.0.0.1. It also sees the font
 * the package ships (dist/fonts), so Chinese labels render on a machine without CJK fonts.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

/** A fontconfig file: the system's fonts plus the package's shipped font. */
function fontConfig(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qms-fonts-'));
	const file = path.join(dir, 'fonts.conf');
	fs.writeFileSync(
		file,
		[
			'<?xml version="1.0"?>',
			'<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
			'<fontconfig>',
			'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
			`<dir>${path.resolve(__dirname, '../../../dist/fonts')}</dir>`,
			`<cachedir>${path.join(dir, 'cache')}</cachedir>`,
			'</fontconfig>',
		].join('\n'),
	);
	return file;
}

export async function launchBrowser(): Promise<Browser> {
	ensureChromium();
	const { chromium } = await import('playwright-core');
	return chromium.launch({
		executablePath: CHROMIUM,
		env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
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
