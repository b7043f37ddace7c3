import { foldText } from '../complaints/fold';
import { stemWord } from '../complaints/stem';
import { isHanCode } from '../complaints/tokenize';
import { tokenizeComplaint } from '../complaints';
import { FAILURE_CONCEPTS, type FailureConcept } from './terms';

/** A concept lexicon compiled for lookup. */
export interface CompiledConcepts {
	/** English single-word stems to concept ids. */
	words: Map<string, string[]>;
	/** English phrases as stem sequences. */
	phrases: { stems: string[]; id: string }[];
	/** Chinese terms, longest first. */
	han: { term: string; id: string }[];
}

// Words that say nothing about which failure it is (stemmed when compiled).
const STOP_EN = (
	'a an the of to in on at for by with and or is are was were be been being not no too due from after ' +
	'before during when while it its this that these those as into than then can could may might will ' +
	'would should has have had do does did very our we us you your they their there some all any more ' +
	'less about up down one two pcs pc unit units customer customers please result results cause causes ' +
	'caused lead leads leading effect effects failure failures fail mode part parts product products ' +
	'issue issues problem problems found received item items so but if also only just get got out ' +
	'start started use used user end specification spec time times minute minutes hour hours day days week weeks'
)
	.split(' ')
	.map(stemWord);
const STOP_WORDS = new Set(STOP_EN);
const STOP_HAN = new Set(
	'导致 造成 引起 由于 因为 可能 没有 客户 产品 问题 发现 出现 使用 一个 一些 我们 请 批次 数量 失效 零件 原因 影响 以及 或者 过程 导致 现象 情况 已经 需要 进行 用户 不良'.split(
		' ',
	),
);

/**
 * Compiles a concept lexicon: English terms are tokenised and stemmed like complaint text,
 * Chinese terms stay literal.
 *
 * @example
 * compileConcepts([{ id: 'detach', en: ['pushed out'], zh: ['退针'] }]).phrases; // [{ stems: ['push', 'out'], id: 'detach' }]
 */
export function compileConcepts(concepts: readonly FailureConcept[]): CompiledConcepts {
	const words = new Map<string, string[]>();
	const phrases: { stems: string[]; id: string }[] = [];
	const han: { term: string; id: string }[] = [];
	for (const concept of concepts) {
		for (const term of concept.en) {
			const stems = tokenizeComplaint(term);
			if (stems.length === 1) words.set(stems[0], [...(words.get(stems[0]) ?? []), concept.id]);
			else if (stems.length > 1) phrases.push({ stems, id: concept.id });
		}
		for (const term of concept.zh) han.push({ term: foldText(term), id: concept.id });
	}
	han.sort((a, b) => b.term.length - a.term.length);
	return { words, phrases, han };
}

let defaultCompiled: CompiledConcepts | undefined;

/**
 * The built-in lexicon, compiled once per process.
 *
 * @example
 * defaultConcepts().words.get('crack'); // ['crack']
 */
export function defaultConcepts(): CompiledConcepts {
	defaultCompiled ??= compileConcepts(FAILURE_CONCEPTS);
	return defaultCompiled;
}

function isHanToken(token: string): boolean {
	return isHanCode(token.codePointAt(0) ?? 0);
}

/**
 * The terms of a text for matching: concept ids (`c:crack`) from the bilingual lexicon, and the
 * remaining content words (`w:` + English stem or Chinese jieba word) so that rows and
 * complaints in the same language also meet on words the lexicon lacks.
 *
 * @example
 * textTerms('Terminal pushed out of the housing'); // Set { 'c:terminal', 'c:detach', 'c:housing' }
 * textTerms('端子退针'); // Set { 'c:terminal', 'c:detach' }
 */
export function textTerms(
	text: string,
	concepts: CompiledConcepts = defaultConcepts(),
): Set<string> {
	const terms = new Set<string>();
	const folded = foldText(text);
	const hanHits: string[] = [];
	for (const { term, id } of concepts.han) {
		if (folded.includes(term)) {
			terms.add(`c:${id}`);
			hanHits.push(term);
		}
	}
	const tokens = tokenizeComplaint(text);
	const inPhrase = new Set<number>();
	for (const { stems, id } of concepts.phrases) {
		for (let i = 0; i + stems.length <= tokens.length; i++) {
			if (!stems.every((s, k) => tokens[i + k] === s)) continue;
			terms.add(`c:${id}`);
			for (let k = 0; k < stems.length; k++) inPhrase.add(i + k);
		}
	}
	for (const [index, token] of tokens.entries()) {
		if (inPhrase.has(index)) continue;
		if (isHanToken(token)) {
			if (token.length < 2 || STOP_HAN.has(token)) continue;
			if (hanHits.some((hit) => token.includes(hit) || hit.includes(token))) continue;
			terms.add(`w:${token}`);
			continue;
		}
		const ids = concepts.words.get(token);
		if (ids) for (const id of ids) terms.add(`c:${id}`);
		else if (token.length >= 2 && !STOP_WORDS.has(token) && !/^\d+$/.test(token))
			terms.add(`w:${token}`);
	}
	return terms;
}
