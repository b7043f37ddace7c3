import type { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

/**
 * Splits a run of Chinese text into words with @node-rs/jieba. The dictionary (bundled in the
 * package, about 5 MB) is loaded once, on first use, so English-only work never pays for it.
 *
 * @example
 * segmentChinese('外箱破损') // ['外', '箱', '破损']
 */
export function segmentChinese(text: string): string[] {
	if (!jieba) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
		jieba = JiebaClass.withDict(dict);
	}
	return jieba.cut(text, false);
}
